import type { Readable } from 'node:stream';
import type { Entry } from 'yauzl';
import { DocumentError } from '../core/errors.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import type { ParseLimits } from './limits.js';

const MB = 1024 * 1024;

/** The parts a Word reader needs: XML and relationships, never media or embedded objects. */
export const isWordXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Open a .docx (a zip) under limits, before anything inflates it: the number of parts, every
 * part's declared size and their sum are checked from the central directory alone; then only
 * the parts `wanted` are inflated, each stopped as soon as it yields more than it declared
 * (yauzl's byte-count check) or the running total passes the limit. A decompression bomb is
 * refused in milliseconds instead of filling memory.
 */
export async function readZipParts(name: string, data: Buffer, limits: ParseLimits, wanted: (part: string) => boolean = isWordXmlPart): Promise<Map<string, Buffer>> {
  const corrupt = () => new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'Word（.docx）'));
  const { fromBufferPromise } = await import('yauzl');
  let zip: Awaited<ReturnType<typeof fromBufferPromise>>;
  try {
    zip = await fromBufferPromise(data, { validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch {
    throw corrupt();
  }
  if (zip.entryCount > limits.maxZipParts) {
    zip.close();
    throw new DocumentError('too-large', DOC_TEXTS.tooManyParts(name, zip.entryCount, limits.maxZipParts));
  }
  const entries: Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxPartBytes && wanted(entry.fileName)) {
        throw new DocumentError('too-large', DOC_TEXTS.unzippedTooLarge(name, entry.uncompressedSize / MB, limits.maxPartBytes / MB));
      }
      if (declared > limits.maxUnzippedBytes) throw new DocumentError('too-large', DOC_TEXTS.unzippedTooLarge(name, declared / MB, limits.maxUnzippedBytes / MB));
      entries.push(entry);
    }
  } catch (err) {
    zip.close();
    throw err instanceof DocumentError ? err : corrupt();
  }

  const parts = new Map<string, Buffer>();
  let inflated = 0;
  try {
    for (const entry of entries) {
      if (!wanted(entry.fileName) || entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted() || !entry.canDecodeFileData()) throw corrupt();
      const stream: Readable = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of stream) {
          inflated += (chunk as Buffer).length;
          if (inflated > limits.maxUnzippedBytes) throw new DocumentError('too-large', DOC_TEXTS.unzippedTooLarge(name, inflated / MB, limits.maxUnzippedBytes / MB));
          chunks.push(chunk as Buffer);
        }
      } finally {
        stream.destroy();
      }
      parts.set(entry.fileName, Buffer.concat(chunks));
    }
  } catch (err) {
    // A part that inflates past its declared size ("too many bytes") is a lie, not a Word file.
    throw err instanceof DocumentError ? err : corrupt();
  } finally {
    zip.close();
  }
  return parts;
}

/**
 * The Word file rebuilt from its checked XML parts only, stored without compression: the reader
 * (mammoth, through JSZip) then inflates nothing, and never sees media or embedded objects.
 */
export async function checkedDocx(name: string, data: Buffer, limits: ParseLimits): Promise<Buffer> {
  const parts = await readZipParts(name, data, limits);
  if (!parts.has('word/document.xml') && ![...parts.keys()].some((p) => /^word\/document\d*\.xml$/i.test(p))) {
    // mammoth finds the main part through _rels/.rels; a package without one is not a Word file.
    if (![...parts.keys()].some((p) => p.toLowerCase() === '_rels/.rels')) throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'Word（.docx）'));
  }
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const [part, bytes] of parts) zip.file(part, bytes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
