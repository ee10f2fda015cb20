// filenameFromContentDisposition (RFC 6266 / RFC 8187): the UTF-8 `filename*` wins over the ASCII `filename`
// whatever their order; `filename` alone (quoted with escapes, or a bare token); ISO-8859-1 ext-values; a malformed or
// unknown-charset `filename*` falls back to `filename`; names are cut to their last path segment; no name → undefined.
import { expect } from '@open-wc/testing';
import { filenameFromContentDisposition as nameOf } from '../../../components/api/content-disposition.js';
import { describe, it } from '../mocha.js';

const CERTIFICATE = '2026年度继续教育证书-JX2026AB12CD34EF.pdf';
const encoded = encodeURIComponent(CERTIFICATE);

describe('filenameFromContentDisposition', () => {
  it('prefers the UTF-8 filename* to the ASCII stand-in, in either order, as api/files/filenames.ts writes them', () => {
    expect(nameOf(`attachment; filename="2026______-JX2026AB12CD34EF.pdf"; filename*=UTF-8''${encoded}`)).to.equal(CERTIFICATE);
    expect(nameOf(`attachment; filename*=utf-8''${encoded}; filename="fallback.pdf"`)).to.equal(CERTIFICATE);
    expect(nameOf(`Attachment; FILENAME*=UTF-8'zh-CN'${encoded}`)).to.equal(CERTIFICATE);
    // encodeURIComponent leaves ( ) ' as they are; many servers send that.
    expect(nameOf(`attachment; filename*=UTF-8''${encodeURIComponent("证明(1)'s.pdf")}`)).to.equal("证明(1)'s.pdf");
  });

  it('reads filename alone: quoted (with escapes and a semicolon inside) or a bare token', () => {
    expect(nameOf('attachment; filename="a \\"quoted\\"; name.pdf"')).to.equal('a "quoted"; name.pdf');
    expect(nameOf('inline; filename=report.csv')).to.equal('report.csv');
    expect(nameOf('attachment;filename="sign-in.png" ; size=42')).to.equal('sign-in.png');
  });

  it('decodes ISO-8859-1 ext-values, and falls back to filename when filename* is malformed or in an unknown charset', () => {
    expect(nameOf("attachment; filename*=iso-8859-1'en'%A3%20rates.pdf")).to.equal('£ rates.pdf');
    expect(nameOf(`attachment; filename="plain.pdf"; filename*=UTF-8''%E8%AF`)).to.equal('plain.pdf');
    expect(nameOf(`attachment; filename="plain.pdf"; filename*=no-such-charset''abc.pdf`)).to.equal('plain.pdf');
    expect(nameOf(`attachment; filename="plain.pdf"; filename*=UTF-8''证书.pdf`)).to.equal('plain.pdf');
    expect(nameOf(`attachment; filename="plain.pdf"; filename*=${encoded}`)).to.equal('plain.pdf');
  });

  it('keeps only the last path segment and answers undefined when no name is given', () => {
    expect(nameOf('attachment; filename="../../etc/passwd"')).to.equal('passwd');
    expect(nameOf(`attachment; filename*=UTF-8''${encodeURIComponent('C:\\证书\\a.pdf')}`)).to.equal('a.pdf');
    expect(nameOf('attachment; filename="dir/"')).to.equal(undefined);
    expect(nameOf('attachment')).to.equal(undefined);
    expect(nameOf('')).to.equal(undefined);
    expect(nameOf(null)).to.equal(undefined);
  });
});
