/**
 * Signing in as a portal does, captcha in reveal mode: `GET /captcha` (its `answer` revealed), `POST /sessions`, and on
 * a first sign-in the required `PUT /accounts/me/password` — a command (`PasswordChanged`), so it is acknowledged in
 * the ledger. A session signs in again before its token runs out, so a long run never meets a 401.
 */
import type { ApiLine, Call, Json } from './http.js';
import { passwordChanged } from './expected-events.js';
import type { Ledger } from './ledger.js';

interface SessionBody {
  accessToken: string;
  expiresIn: number;
  mustChangePassword: boolean;
  role: string;
  subjectId: string;
  orgId?: string;
}

export async function captcha(line: ApiLine): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { body } = await line.call<{ captchaId: string; answer?: string }>('GET /captcha', '/captcha');
  if (!body.answer) throw new Error('GET /captcha revealed no answer: the system must run with JXJY_CAPTCHA=reveal');
  return { captchaId: body.captchaId, captchaAnswer: body.answer };
}

/** The account id a token was issued to (its `sub`), without asking the server. */
export function accountIdOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string };
  if (!payload.sub) throw new Error('the access token names no account');
  return payload.sub;
}

export class Session {
  private body?: SessionBody;
  private expiresAt = 0;

  constructor(
    readonly line: ApiLine,
    readonly username: string,
    private password: string,
    /** The password a first sign-in changes to. */
    private readonly newPassword: string,
    private readonly ledger?: Ledger,
  ) {}

  get signedIn(): boolean {
    return this.body !== undefined;
  }

  get accountId(): string {
    return accountIdOf(this.current().accessToken);
  }

  get subjectId(): string {
    return this.current().subjectId;
  }

  get orgId(): string | undefined {
    return this.current().orgId;
  }

  /** The same account over another line (another client, another API instance), signed in as it is now. */
  over(line: ApiLine): Session {
    const moved = new Session(line, this.username, this.password, this.newPassword, this.ledger);
    moved.body = this.body;
    moved.expiresAt = this.expiresAt;
    return moved;
  }

  /** Signs in; the first time, changes the password as every new account must. */
  async signIn(): Promise<void> {
    await this.trySignIn(false);
  }

  /**
   * Signs in if the account exists: false on a 401 (which is then no error). For a registration answered with an error:
   * it may have gone through all the same, and signing in is how its owner finds out.
   */
  async trySignIn(unknownIsFine = true): Promise<boolean> {
    const { status, body } = await this.line.call<SessionBody>('POST /sessions', '/sessions', {
      body: { username: this.username, password: this.password, ...(await captcha(this.line)) },
      expect: unknownIsFine ? [200, 401] : [200],
    });
    if (status === 401) return false;
    this.accept(body);
    if (!body.mustChangePassword) return true;
    const changed = await this.line.call<SessionBody>('PUT /accounts/me/password', '/accounts/me/password', {
      body: { currentPassword: this.password, newPassword: this.newPassword },
      token: body.accessToken,
    });
    this.ledger?.acknowledge({ requestId: changed.requestId, route: 'PUT /accounts/me/password', status: changed.status, expected: passwordChanged(accountIdOf(body.accessToken)) });
    this.password = this.newPassword;
    this.accept(changed.body);
    return true;
  }

  /** A token good for the next request: signs in again when this one is in its last tenth. */
  async token(): Promise<string> {
    if (!this.body || Date.now() >= this.expiresAt) await this.signIn();
    return this.current().accessToken;
  }

  /** A call as this account. */
  async call<T = Json>(route: string, path: string, call: Omit<Call, 'token'> = {}) {
    return this.line.call<T>(route, path, { ...call, token: await this.token() });
  }

  private accept(body: SessionBody) {
    this.body = body;
    this.expiresAt = Date.now() + body.expiresIn * 900;
  }

  private current(): SessionBody {
    if (!this.body) throw new Error(`${this.username} is not signed in`);
    return this.body;
  }
}
