// Typed handles on the mocha globals @web/test-runner sets up before it imports a test file.
// @types/mocha is not installed, and declaring the globals program-wide would also type the vitest suites,
// hiding a forgotten `import {describe} from 'vitest'` there.
type Body = () => void | Promise<unknown>;
interface MochaBdd {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}

export const { describe, it, beforeEach, afterEach } = globalThis as unknown as MochaBdd;
