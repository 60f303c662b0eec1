import { createHash } from 'node:crypto';

/**
 * The implicit label 《人工智能生成合成内容标识办法》 asks of a generated file: its metadata says
 * that it was generated, by which service and model, when, and under which content id. In a .docx
 * these are custom document properties (docProps/custom.xml), which Word and WPS show under
 * 文件 → 属性 → 自定义 and keep when the file is edited and saved.
 */
export interface AiLabel {
  /** The service that generated it. */
  generator: string;
  /** The model (OPENAI_MODEL), or what made it when no model did (rule-based output). */
  model: string;
  time: Date;
  /** A stable id for this content (see contentIdFor); the audit trail records it. */
  contentId: string;
  /** Also print a visible line in the footer (AI_LABEL_FOOTER, off by default). */
  footer?: boolean;
}

export const GENERATOR = '笔杆子';
/** The explicit label, when enabled: one small line in the footer of every page. */
export const FOOTER_LABEL = '本文由人工智能辅助生成，须经人工审核后使用';

/** 32 hex characters from what identifies the content (job id and text): the same export, the same id. */
export function contentIdFor(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** The custom properties, in a fixed order. `AIGC` carries the same facts as one JSON value for tools that read one key. */
export function labelProperties(l: AiLabel): Array<{ name: string; value: string }> {
  const time = l.time.toISOString();
  return [
    { name: 'AIGC', value: JSON.stringify({ Label: '1', ContentProducer: l.generator, ProduceID: l.contentId, Model: l.model, Time: time }) },
    { name: 'AIGeneratedBy', value: l.generator },
    { name: 'AIModel', value: l.model },
    { name: 'AIGeneratedAt', value: time },
    { name: 'AIContentId', value: l.contentId },
  ];
}
