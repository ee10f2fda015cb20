/** Runs `verify-export` as the auditor would — a separate process on a file — and the export it reads. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '@hapi/hapi';
import { expect } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** GET /audit/export as `token`, kept in a temporary file. */
export async function exportToFile(server: Server, token: string, query = ''): Promise<{ file: string; text: string }> {
  const response = await server.inject({ method: 'GET', url: `/api/v1/audit/export${query}`, headers: { authorization: `Bearer ${token}` } });
  expect(response.statusCode, response.payload.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-export-')), 'export.ndjson');
  fs.writeFileSync(file, response.payload);
  return { file, text: response.payload };
}

/** `npm run verify-export -- <file> [args]`, run as node + tsx (what the npm script runs) to skip npm's start-up. */
export function verifyExportCli(file: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'runtime/verify-export.ts', file, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** The 1-based line of the export that holds the event `eventId`. */
export const lineOfEvent = (text: string, eventId: string) => text.split('\n').findIndex((line) => line.includes(`"eventId":"${eventId}"`)) + 1;
