/**
 * A PDF of `pages` pages that all share one small content stream: a few MB that claim tens of
 * thousands of pages (issue 20: a 20,000-page PDF). Hand-written like support/pdf.ts.
 */
export function buildManyPagePdf(pages: number, line = 'Page text'): Buffer {
  const stream = `BT /F1 12 Tf 50 800 Td (${line}) Tj ET`;
  const first = 5; // page objects start here
  const kids = Array.from({ length: pages }, (_v, i) => `${first + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>'),
  ];
  const parts: string[] = ['%PDF-1.4\n'];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const obj = `${i + 1} 0 obj\n${o}\nendobj\n`;
    parts.push(obj);
    length += Buffer.byteLength(obj);
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  parts.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'utf8');
}
