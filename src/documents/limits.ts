/**
 * What one document may cost to read (issue 20). Every limit is a config variable
 * (DOC_* in config.ts); these defaults match .env.example.
 */
export interface ParseLimits {
  /** Sum of every zip part's uncompressed size, declared and actually inflated. */
  maxUnzippedBytes: number;
  /** One part the reader inflates (document.xml and the like). */
  maxPartBytes: number;
  /** Parts in one zip package. */
  maxZipParts: number;
  maxPdfPages: number;
  /** Characters extracted; reading stops past this and the text is marked truncated. */
  maxChars: number;
  /** Data rows read from one spreadsheet (all sheets); more is refused in words. Default 5000. */
  maxLedgerRows?: number;
  /** Pages of a scanned PDF sent to OCR (the first N); the rest are named, not read. Default 10. */
  maxScanPages?: number;
  /**
   * CPU time the scan may spend on page pictures before it stops and says which pages it left
   * (half the parser's time limit, so a big scan is answered rather than killed and quarantined).
   */
  scanBudgetMs?: number;
}

const MB = 1024 * 1024;

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxUnzippedBytes: 64 * MB,
  maxPartBytes: 8 * MB,
  maxZipParts: 1000,
  maxPdfPages: 300,
  maxChars: 200_000,
  maxLedgerRows: 5000,
  maxScanPages: 10,
};
