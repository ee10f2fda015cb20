/**
 * `/docs`: the OpenAPI document rendered on the server as plain HTML — no script, no CDN — so it works
 * offline and under our CSP (`script-src 'self'`, inline styles allowed).
 */
import { escapeHtml as e } from '../html.js';
import type { OpenApiDocument, OpenApiOperation } from '../openapi.js';

type Schema = Record<string, unknown>;

export function docsPage(doc: OpenApiDocument): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operation(path, method, op)),
  );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.info.title)} · 接口文档</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 1000px; padding: 16px; color: #303133; }
  .op { border: 1px solid #e4e7ed; border-radius: 4px; margin: 12px 0; padding: 12px 16px; }
  .method { display: inline-block; min-width: 60px; font-weight: 700; text-transform: uppercase; }
  .get { color: #1d6f42; } .post { color: #1d5fa8; } .put, .patch { color: #a15c00; } .delete { color: #b42318; }
  code, .path { font-family: ui-monospace, Consolas, monospace; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
  th, td { border: 1px solid #ebeef5; padding: 4px 8px; text-align: left; vertical-align: top; }
  .meta { color: #606266; font-size: 13px; }
</style>
</head>
<body>
<h1>${e(doc.info.title)} <small class="meta">OpenAPI ${e(doc.openapi)} · <a href="/openapi.json">openapi.json</a></small></h1>
<p>${e(doc.info.description)}</p>
${operations.join('\n')}
</body>
</html>
`;
}

function operation(path: string, method: string, op: OpenApiOperation): string {
  const access = op.security.length === 0 ? '公开 (public)' : `需要登录 (bearer)${op['x-scopes'] ? ` · scope: ${op['x-scopes'].join(', ')}` : ''}`;
  const parameters = op.parameters ?? [];
  const body = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
  return `<section class="op" id="${e(op.operationId)}">
<div><span class="method ${e(method)}">${e(method)}</span> <span class="path">${e(path)}</span></div>
${op.summary ? `<p><strong>${e(op.summary)}</strong></p>` : ''}${op.description ? `<p>${e(op.description)}</p>` : ''}
<p class="meta">${e(access)}${op.tags ? ` · ${e(op.tags.join(', '))}` : ''}</p>
${parameters.length ? table('参数 Parameters', parameters.map((p) => [p.name, p.in, p.required ? '是' : '', typeOf(p.schema), p.description ?? ''])) : ''}
${body ? table(`请求体 Body (${body[0]})`, fields(body[1].schema)) : ''}
<p class="meta">响应 Responses: ${Object.keys(op.responses).map(e).join(', ')}</p>
</section>`;
}

/** Object properties flattened to dotted names (`items[].name`), so nested payloads read as one list. */
function fields(schema: Schema, prefix = ''): string[][] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(properties).flatMap(([name, value]) => {
    const child = isSchema(value) ? value : {};
    const row = [prefix + name, 'body', required.includes(name) ? '是' : '', typeOf(child), String(child.description ?? '')];
    const items = isSchema(child.items) ? child.items : undefined;
    const nested = child.type === 'object' ? fields(child, `${prefix}${name}.`) : items ? fields(items, `${prefix}${name}[].`) : [];
    return [row, ...nested];
  });
}

function typeOf(schema: Schema): string {
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? 'object';
  const parts = [String(schema.type ?? 'any')];
  if (typeof schema.format === 'string') parts.push(schema.format);
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.join(' | ')}`);
  if (typeof schema.pattern === 'string') parts.push(`pattern ${schema.pattern}`);
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'multipleOf']) {
    if (schema[key] !== undefined) parts.push(`${key} ${String(schema[key])}`);
  }
  return parts.join(', ');
}

function table(caption: string, rows: string[][]): string {
  const head = '<tr><th>名称 Name</th><th>位置 In</th><th>必填 Required</th><th>类型 Type</th><th>说明 Description</th></tr>';
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${e(caption)}</caption>${head}${body}</table>`;
}

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
