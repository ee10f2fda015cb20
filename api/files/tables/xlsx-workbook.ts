/**
 * Where an XLSX keeps what the reader needs, from xl/workbook.xml and its relationships: the part of the first tab a
 * person sees (the first visible worksheet in tab order; the ZIP may store sheet2.xml first, and chart sheets are not
 * tables), the shared strings and styles parts, and whether dates count from 1904 (old Mac workbooks).
 */
import { posix } from 'node:path';
import { corruptXlsx } from './table-errors.js';
import { readXml } from './xml-parts.js';

export interface WorkbookMap {
  /** Part path of the sheet to read; null when the workbook has no worksheet. */
  firstSheet: string | null;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

type Open = (path: string) => AsyncIterable<Uint8Array> | null;

export async function readWorkbookMap(open: Open): Promise<WorkbookMap> {
  const tabs: Array<{ relationship: string; visible: boolean }> = [];
  let date1904 = false;
  await readXml(open('xl/workbook.xml') ?? missing('xl/workbook.xml'), {
    open: (name, attributes) => {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet') tabs.push({ relationship: relationshipId(attributes), visible: (attributes.state ?? 'visible') === 'visible' });
    },
  });
  const targets = new Map<string, { type: string; path: string }>();
  await readXml(open('xl/_rels/workbook.xml.rels') ?? missing('xl/_rels/workbook.xml.rels'), {
    open: (name, { Id, Type, Target }) => {
      // The type is the last segment of a URI whose stem differs between transitional and strict OOXML.
      if (name === 'Relationship' && Id && Type && Target) targets.set(Id, { type: Type.slice(Type.lastIndexOf('/') + 1), path: partPath(Target) });
    },
  });
  const worksheets = tabs.filter((tab) => targets.get(tab.relationship)?.type === 'worksheet');
  const first = worksheets.find((tab) => tab.visible) ?? worksheets[0];
  const partOfType = (type: string) => [...targets.values()].find((target) => target.type === type)?.path ?? null;
  return {
    firstSheet: first ? targets.get(first.relationship)!.path : null,
    sharedStrings: partOfType('sharedStrings'),
    styles: partOfType('styles'),
    date1904,
  };
}

/** `r:id`, whatever prefix the writer bound to the relationships namespace. */
const relationshipId = (attributes: Record<string, string>) => Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1] ?? '';

/** A target is relative to xl/ unless it starts with a slash. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));

function missing(path: string): never {
  throw corruptXlsx(new Error(`${path} is missing`));
}
