/**
 * The old system's history through the API on the real system (CONTRACT.md Old-system history): records in UTF-8 with a
 * BOM, certificates in GB18030, records in XLSX with dates as serial numbers; a dry run, the import, and a re-import
 * that adds nothing; a person registered before the import and one registered after each see their own rows and only
 * those; an old certificate prints (marked 旧系统证书, with its original number) and verifies. Bad input writes nothing:
 * a missing column (400 naming it), a PNG named .csv (415), more than 20 MB (413), a person or a unit importing
 * (403), another person's certificate (404). The refused rows come back as CSV with their reasons.
 */
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../support/pdf-text.js';
import { encodeGb18030, utf8 } from '../files/tables/table-fixtures.js';
import { type Person, admin, approvedOrg, multipart, registeredPerson } from '../actors.js';
import { type TestSystem, call, captcha, randomIdNumber, signIn, startTestSystem, uniqueName } from '../system.js';

type Json = Record<string, unknown>;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A valid ID number with its check character replaced. */
const withWrongCheck = (id: string) => `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;

describe('the old system’s history', () => {
  let system: TestSystem;
  let adminToken: string;
  let before: Person;
  const laterId = randomIdNumber();
  beforeAll(async () => {
    system = await startTestSystem();
    adminToken = await admin(system.server);
    before = await registeredPerson(system.server, '黄历史');
  });
  afterAll(async () => {
    await system?.close();
  });

  const upload = (query: string, filename: string, content: Buffer, token = adminToken) => {
    const body = multipart('file', filename, content, 'text/csv');
    return system.server.inject({ method: 'POST', url: `/api/v1/legacy/imports?${query}`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${token}` } }) as Promise<{ statusCode: number; result: Json; payload: string }>;
  };
  const get = (url: string, token: string) => call(system.server, { method: 'GET', url: `/api/v1${url}`, token });
  /** Uploads and waits for the import to finish; its final report. */
  async function imported(query: string, filename: string, content: Buffer): Promise<Json> {
    const started = await upload(query, filename, content);
    expect(started.statusCode, started.payload).toBe(202);
    const importId = started.result.importId as string;
    await expect.poll(async () => (await get(`/legacy/imports/${importId}`, adminToken)).result!.status, { timeout: 30_000 }).not.toBe('running');
    return (await get(`/legacy/imports/${importId}`, adminToken)).result!;
  }

  const RECORDS_HEADER = '身份证号,姓名,年度,类别,项目名称,学时,主办单位,审核单位,审核日期';
  const recordsCsv = () =>
    utf8(
      [
        RECORDS_HEADER,
        `${before.idNumber},黄历史,2018,公需科目,"职业道德与诚信建设, 2018",12,广东省人社厅,广州市人社局,2018-06-01`,
        `${before.idNumber},黄历史,2018,专业科目,工程建设标准更新,30.5,广东省建设教育协会,广州市人社局,2018/7/2`,
        `${before.idNumber},黄历史,2016,选修科目,办公软件应用,8,,,`,
        `${laterId},林后来,2018,professional,结构设计新规范,24,,,2018年9月3日`,
        `${withWrongCheck(before.idNumber)},黄历史,2018,公需科目,校验位错误,6,,,`,
        `${before.idNumber},黄历史,2019,公需科目,年度过新,6,,,`,
        `${before.idNumber},黄历史,2018,其他科目,类别不明,6,,,`,
        `${before.idNumber},黄历史,2018,公需科目,学时为零,0,,,`,
        `${before.idNumber},黄历史,2018,公需科目,学时不是半小时,1.3,,,`,
      ].join('\r\n'),
      { bom: true },
    );

  it('dry-runs, imports and re-imports records; a person registered before and one registered after see their own rows', async () => {
    const dry = await imported('kind=records&dryRun=true', '2018年学时.csv', recordsCsv());
    expect(dry).toMatchObject({ kind: 'records', dryRun: true, status: 'completed', rows: { total: 9, valid: 4, imported: 0, duplicates: 0, rejected: 5 }, file: { format: 'csv', encoding: 'utf-8' } });
    expect((dry.errors as Json[]).map((e) => [e.row, e.field])).toEqual([[6, 'idNumber'], [7, 'year'], [8, 'category'], [9, 'hours'], [10, 'hours']]);
    expect((dry.errors as Json[])[0]).toMatchObject({ column: '身份证号', message: '身份证号校验位不正确' });
    expect((await get('/me/history/records?period=2018', before.token)).result!.items).toEqual([]);

    const real = await imported('kind=records', '2018年学时.csv', recordsCsv());
    expect(real).toMatchObject({ dryRun: false, status: 'completed', rows: { total: 9, valid: 4, imported: 4, duplicates: 0, rejected: 5 } });
    const again = await imported('kind=records', '2018年学时（重发）.csv', recordsCsv());
    expect(again).toMatchObject({ status: 'completed', rows: { total: 9, valid: 4, imported: 0, duplicates: 4, rejected: 5 } });

    const mine = await get(`/me/history/records?period=2018`, before.token);
    expect(mine.statusCode).toBe(200);
    expect(mine.result!.items).toEqual([
      { year: 2018, category: 'public', title: '职业道德与诚信建设, 2018', hours: 12, organizer: '广东省人社厅', reviewedBy: '广州市人社局', reviewedAt: '2018-06-01' },
      { year: 2018, category: 'professional', title: '工程建设标准更新', hours: 30.5, organizer: '广东省建设教育协会', reviewedBy: '广州市人社局', reviewedAt: '2018-07-02' },
    ]);
    expect(mine.result!.totals).toEqual({ 2018: { public: 12, professional: 30.5, elective: 0, total: 42.5 } });
    expect((await get('/me/history/records?period=before-2018', before.token)).result).toMatchObject({
      items: [{ year: 2016, category: 'elective', title: '办公软件应用', hours: 8, organizer: null }], totals: { 2016: { elective: 8, total: 8 } },
    });

    // Someone registering after the import finds their history at once, and only theirs.
    const username = uniqueName('later_');
    const registered = await call(system.server, { method: 'POST', url: '/api/v1/accounts', payload: { username, password: 'Person2026x', name: '林后来', idNumber: laterId, ...(await captcha(system.server)) } });
    expect(registered.statusCode).toBe(201);
    const later = await signIn(system.server, username, 'Person2026x');
    expect((await get('/me/history/records?period=2018', later)).result).toEqual({
      items: [{ year: 2018, category: 'professional', title: '结构设计新规范', hours: 24, organizer: null, reviewedBy: null, reviewedAt: '2018-09-03' }],
      totals: { 2018: { public: 0, professional: 24, elective: 0, total: 24 } },
    });

    // The refused rows come back for the old system's operators to fix and send again.
    const rejected = await system.server.inject({ method: 'GET', url: `/api/v1/legacy/imports/${real.importId as string}/rejected`, headers: { authorization: `Bearer ${adminToken}` } });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.headers['content-type']).toContain('text/csv');
    const csv = rejected.payload;
    expect(csv.startsWith('\uFEFF行号,身份证号,姓名,年度,类别,项目名称,学时,主办单位,审核单位,审核日期,错误原因')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(6);
    expect(csv).toContain('身份证号校验位不正确');
    expect(csv).toContain('类别应为公需科目、专业科目或选修科目');
    const list = await get('/legacy/imports', adminToken);
    expect((list.result!.items as Json[]).map((i) => i.importId)).toEqual(expect.arrayContaining([real.importId, again.importId]));
  });

  it('imports certificates in GB18030; the holder prints one marked 旧系统证书 and anyone verifies it; others get 404', async () => {
    const number = `粤继教${Date.now()}`.slice(0, 20);
    const gb = encodeGb18030(
      [
        '身份证号,姓名,年度,证书编号,公需,专业,选修,总学时,发证日期,发证机构',
        `${before.idNumber},黄历史,2018,${number},18,42,12,72,2018-12-20,广东省人力资源和社会保障厅`,
        `${before.idNumber},黄历史,2017,${number}B,18,42,12,70,2017-12-20,广东省人力资源和社会保障厅`,
      ].join('\r\n'),
    );
    const report = await imported('kind=certificates', '旧证书.csv', gb);
    expect(report).toMatchObject({ status: 'completed', rows: { total: 2, valid: 1, imported: 1, rejected: 1 }, file: { encoding: 'gb18030' } });
    expect((report.errors as Json[])[0]).toMatchObject({ row: 3, field: 'total' });

    const certificates = (await get('/me/history/certificates', before.token)).result!.items as Json[];
    expect(certificates).toEqual([
      { certificateNo: number, year: 2018, hours: { public: 18, professional: 42, elective: 12, total: 72 }, issuedAt: '2018-12-20', issuer: '广东省人力资源和社会保障厅', verificationCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{16}$/) },
    ]);
    const pdf = await system.server.inject({ method: 'GET', url: `/api/v1/me/history/certificates/${encodeURIComponent(number)}/pdf`, headers: { authorization: `Bearer ${before.token}` } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const printed = await pdfText(pdf.rawPayload);
    expect(printed.pages).toBe(1);
    for (const text of ['旧系统证书', `原证书编号：${number}`, '黄历史', '公需科目 18', '专业科目 42', '选修科目 12', '合计 72']) expect(printed.text).toContain(text);

    const code = certificates[0]!.verificationCode as string;
    expect((await call(system.server, { method: 'GET', url: `/api/v1/verify/${code}` })).result).toMatchObject({
      valid: true, status: 'valid', legacy: true, year: 2018, certificateNo: number, holderName: '黄*史', hours: { total: 72 }, issuedAt: '2018-12-20',
    });
    const page = await system.server.inject({ method: 'GET', url: `/verify/${code}` });
    expect(page.payload).toContain('旧系统证书');

    const stranger = await registeredPerson(system.server, '路人乙');
    expect((await get(`/me/history/certificates/${encodeURIComponent(number)}/pdf`, stranger.token)).statusCode).toBe(404);
    expect((await get('/me/history/certificates', stranger.token)).result).toEqual({ items: [] });
  });

  it('reads XLSX with dates as serial numbers', async () => {
    const person = await registeredPerson(system.server, '钟表格');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('学时');
    sheet.addRow(['身份证号', '姓名', '年度', '类别', '项目名称', '学时', '审核日期']);
    sheet.addRow([person.idNumber, '钟表格', 2018, '选修科目', '电子表格导入', 6, 43252]); // 43252 = 2018-06-01
    const dated = sheet.addRow([person.idNumber, '钟表格', 2017, '专业科目', '日期格式的单元格', 4.5, new Date(Date.UTC(2017, 10, 5))]);
    dated.getCell(7).numFmt = 'yyyy-mm-dd';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await imported('kind=records', '学时.xlsx', bytes);
    expect(report).toMatchObject({ status: 'completed', rows: { total: 2, imported: 2 }, file: { format: 'xlsx' } });
    expect((await get('/me/history/records?period=2018', person.token)).result!.items).toEqual([
      { year: 2018, category: 'elective', title: '电子表格导入', hours: 6, organizer: null, reviewedBy: null, reviewedAt: '2018-06-01' },
    ]);
    expect((await get('/me/history/records?period=before-2018', person.token)).result!.items).toMatchObject([{ year: 2017, hours: 4.5, reviewedAt: '2017-11-05' }]);
  });

  it('refuses bad files whole and writes nothing: a missing column, a PNG named .csv, more than 20 MB, the wrong role', async () => {
    const head = await system.store.headPosition();
    const missing = await upload('kind=records', '缺列.csv', utf8('身份证号,姓名,年度,类别,学时\n'));
    expect(missing.statusCode).toBe(400);
    expect(missing.result.message).toContain('项目名称');
    expect(missing.result.details).toEqual([{ field: 'title', message: '缺少“项目名称”列' }]);
    const png = await upload('kind=records', '学时.csv', PNG);
    expect(png.statusCode).toBe(415);
    const huge = await upload('kind=records', 'big.csv', Buffer.concat([utf8(`${RECORDS_HEADER}\n`), Buffer.alloc(21 * 1024 * 1024, 0x41)]));
    expect(huge.statusCode).toBe(413);
    expect((await upload('kind=people', 'x.csv', recordsCsv())).statusCode).toBe(400);
    expect(await system.store.headPosition()).toBe(head);
    const person = await registeredPerson(system.server, '越权人');
    expect((await upload('kind=records', 'x.csv', recordsCsv(), person.token)).statusCode).toBe(403);
    const unit = await approvedOrg(system.server);
    const afterSetup = await system.store.headPosition();
    expect((await upload('kind=records', 'x.csv', recordsCsv(), unit.token)).statusCode).toBe(403);
    expect(await system.store.headPosition()).toBe(afterSetup);
    expect((await get(`/legacy/imports/${crypto.randomUUID()}`, adminToken)).statusCode).toBe(404);
  });
});
