/**
 * A quotation for a writer's eyes: “…”, with the quoted text's own “” turned into ‘’ (GB/T 15834-2011 §4.1.3.3:
 * a quotation inside a quotation takes single quotes), cut to `max` characters with an ellipsis.
 */
export function quoteZh(text: string, max = Infinity): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return `“${cut.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
