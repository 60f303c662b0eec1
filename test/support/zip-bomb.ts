import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Hostile zip files built in the test, written by hand because no zip library writes a header
 * that lies about its size (the point of a bomb that fools a size check).
 */
export interface BombEntry {
  name: string;
  /** The part's bytes, given … */
  data?: Buffer;
  /** … or generated: `head`, then `unit` repeated until the part has about `bytes` bytes, then `tail`. */
  repeat?: { head: string; unit: string; tail: string; bytes: number };
  /** Write this as the uncompressed size instead of the true one (a lying header). */
  declaredSize?: number;
}

async function deflate(e: BombEntry): Promise<{ compressed: Buffer; size: number; crc: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((r, j) => {
    z.on('end', r);
    z.on('error', j);
  });
  let size = 0;
  let crc = 0;
  const write = async (b: Buffer) => {
    size += b.length;
    crc = crc32(b, crc);
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  };
  if (e.data) await write(e.data);
  else if (e.repeat) {
    await write(Buffer.from(e.repeat.head));
    const unit = Buffer.from(e.repeat.unit);
    const block = Buffer.concat(Array.from({ length: Math.max(1, Math.floor((1 << 20) / unit.length)) }, () => unit));
    while (size + block.length < e.repeat.bytes) await write(block);
    await write(Buffer.from(e.repeat.tail));
  }
  z.end();
  await done;
  return { compressed: Buffer.concat(out), size, crc };
}

/** A zip (deflate, no zip64) of the entries, headers as given. */
export async function buildZip(entries: BombEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { compressed, size, crc } = await deflate(e);
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(compressed.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += local.length + name.length + compressed.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const PARAGRAPH = '<w:p><w:r><w:t>今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制。</w:t></w:r></w:p>';

/**
 * A Word file whose document.xml unpacks to about `mb` MB of real paragraphs (a few hundred KB
 * packed). `lie`: the headers declare 4 KB, so only a check while inflating can catch it.
 */
export function docxBomb(mb: number, o: { lie?: boolean } = {}): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    {
      name: 'word/document.xml',
      repeat: { head: '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>', unit: PARAGRAPH, tail: '</w:body></w:document>', bytes: mb * 1024 * 1024 },
      ...(o.lie ? { declaredSize: 4096 } : {}),
    },
  ]);
}

/** A zip of `parts` tiny parts (a package no Word file is). */
export function manyPartsZip(parts: number): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    ...Array.from({ length: parts }, (_v, i) => ({ name: `word/media/p${i}.xml`, data: Buffer.from('<x/>') })),
  ]);
}
