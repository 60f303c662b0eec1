import { describe, expect, it } from 'vitest';
import { answerCard, splitForCards } from '../../../src/feishu/cards.js';

describe('splitForCards', () => {
  it('keeps short text whole', () => {
    expect(splitForCards('短文本', 100)).toEqual(['短文本']);
  });

  it('cuts at paragraph boundaries and loses nothing', () => {
    const paras = Array.from({ length: 30 }, (_, i) => `第${i + 1}段。${'内容'.repeat(40)}`);
    const text = paras.join('\n\n');
    const pieces = splitForCards(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(500);
    expect(pieces.join('\n\n')).toBe(text);
  });

  it('falls back to sentence ends, then a hard cut', () => {
    const text = '句子内容很长。'.repeat(100);
    const pieces = splitForCards(text, 100);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(pieces.join('')).toBe(text);
    const noBreaks = '字'.repeat(250);
    expect(splitForCards(noBreaks, 100).join('')).toBe(noBreaks);
  });
});

describe('answerCard', () => {
  it('is a 2.0 card with a streamable markdown element and callback buttons', () => {
    type Card = { schema: string; config: { streaming_mode: boolean }; body: { elements: Array<{ columns?: Array<{ elements: Array<{ behaviors: unknown[] }> }> }> } };
    const card = answerCard({ title: '提纲', markdown: '一、', streaming: true, buttons: [{ text: '写全文', value: { action: 'full' }, primary: true }] }) as Card;
    expect(card.schema).toBe('2.0');
    expect(card.config.streaming_mode).toBe(true);
    expect(card.body.elements[0]).toMatchObject({ tag: 'markdown', element_id: 'answer_md', content: '一、' });
    const button = card.body.elements[2]!.columns![0]!.elements[0]!;
    expect(button.behaviors[0]).toEqual({ type: 'callback', value: { action: 'full', iat: expect.any(Number) as number } });
  });
});
