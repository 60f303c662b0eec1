import { DocumentError } from './errors.js';
/** What the bot says when a document cannot be used; each names what to do next. */

const SAVE_AS = '请用 Word 或 WPS 打开，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”后重新发送；或直接复制文字粘贴过来。';

export const DOC_TEXTS = {
  tooLarge: (name: string, mb: number, capMb: number) =>
    `文件“${name}”有 ${mb.toFixed(1)} MB，超过了可处理的 ${capMb} MB。请删去图片、附件等非文字内容后另存再发，或只发送需要处理的部分。`,
  tooLong: (name: string, chars: number, max: number) =>
    `“${name}”约有 ${chars} 字，超过了单次审阅上限 ${max} 字。请拆成几个部分分别发送（例如每次一个一级标题下的内容）。`,
  corrupt: (name: string, kind: string) =>
    `文件“${name}”打不开：内容不是有效的 ${kind} 文件（可能已损坏、加密，或只是改了扩展名）。${SAVE_AS}`,
  empty: (name: string) => `文件“${name}”里没有读到文字。请确认文件内容，或直接把文字粘贴过来。`,
  scanned: (name: string) =>
    `“${name}”是扫描件或图片型 PDF，没有可读取的文字层，暂时无法识别。请发送原始的 Word 文件（.docx），或用 WPS/Acrobat 的“PDF 转 Word”、OCR 识别后再发；也可以直接复制文字粘贴过来。`,
  encryptedPdf: (name: string) =>
    `“${name}”设置了打开密码，读不了。请用 WPS 或 Acrobat 打开后取消密码（“文件 → 属性 → 安全性”或“文档加密”），另存为新的 PDF 再发；也可以直接把文字粘贴过来。`,
  legacyDoc: (name: string) => `“${name}”是旧版 Word 格式（.doc），暂时读不了。${SAVE_AS}`,
  unsupportedType: (name: string) =>
    `暂时读不了“${name}”这种格式。目前支持 Word（.docx）、带文字层的 PDF、纯文本（.txt）、Markdown（.md），以及作为台账的 Excel（.xlsx）和 CSV 表格；也可以直接复制文字粘贴过来。`,
  image:
    '图片里的文字暂时识别不了。请把文字复制粘贴过来，或发送 Word（.docx）/ PDF 文件；在群里可以回复（引用）文件消息并 @我。',
  console: '控制台模式下读不了飞书文件和云文档链接。请把文字直接粘贴进来。',
  unsupportedQuote: (label: string) => `引用的是${label}，里面没有可读的文字。请引用文字消息或 Word/PDF 文件，或直接把文字粘贴过来。`,
  docNoAccess:
    '笔杆子没有这篇文档的阅读权限。请文档所有者或有管理权限的人在文档右上角点「…」→「更多」→「添加文档应用」，搜索并添加“笔杆子”（授予可阅读权限）；知识库页面同样在右上角「…」中添加。添加后再发一次链接即可。',
  missingScope: (what: string, scopes: string[]) =>
    `应用还没有开通${what}所需的权限（${scopes.join(' 或 ')}）。请管理员在飞书开发者后台「权限管理」中开通后发布新版本，再试一次。`,
  notFound: '没有找到这篇文档：链接可能有误，或文档已被删除。请在浏览器里打开确认后，复制地址栏里的完整链接再发。',
  unsupportedLink: (kind: string) =>
    `这个链接是${kind}，目前只能读取飞书新版云文档（链接含 /docx/）和其中的知识库页面（/wiki/）。请把内容复制到云文档，或直接粘贴文字。`,
  quoteMissing: '没能读取被引用的消息（可能已撤回，或应用缺少读取群消息的权限 im:message.group_msg）。请直接把文字粘贴过来，或私聊把文件发给我。',
  // Issue 20: files that would cost more to read than any real report does.
  unzippedTooLarge: (name: string, mb: number, capMb: number) =>
    `文件“${name}”解压后过大：有 ${mb.toFixed(1)} MB，超过了可处理的 ${Math.round(capMb)} MB（可能嵌入了大量图片、对象，或是特殊构造的文件）。请删去图片、附件等非文字内容，另存为新的 .docx 再发；或直接复制文字粘贴过来。`,
  tooManyParts: (name: string, parts: number, max: number) =>
    `文件“${name}”内部有 ${parts} 个组成部分，超过了可处理的 ${max} 个，不像普通的 Word 文档。请用 Word 或 WPS 打开后另存为新的 .docx 再发，或直接复制文字粘贴过来。`,
  tooManyPages: (name: string, pages: number, max: number) =>
    `“${name}”页数过多：有 ${pages} 页，超过了可处理的 ${max} 页。请只发送需要处理的部分（可用 WPS 或 Acrobat 的“提取页面”），或发送 Word 原文件；也可以直接复制文字粘贴过来。`,
  parserCrashed: (name: string) =>
    `文件“${name}”解压后过大、页数过多或结构过于复杂，读取时超出了资源上限。为了不影响其他同事的请求，已停止处理，这份文件也不会再自动重试。请另存为新的 .docx（或只保留需要处理的部分）后重新发送，或直接复制文字粘贴过来。`,
  // Issue 20: a document is read for someone only if they may read it themselves.
  notShared:
    '没能确认你本人有这篇文档的阅读权限，所以没有读取它的内容。请文档所有者任选一种方式后再发一次链接：①在文档右上角「分享」中把你（或本群）添加为协作者，可阅读即可；②把链接分享设为「组织内获得链接的人可阅读」。通过部门、用户组或知识库成员获得的权限，笔杆子暂时无法核实。',
  notEditor:
    '没能确认你本人有这篇文档的编辑权限，所以我没有替你直接改原文档。请文档所有者在右上角「分享」中把你添加为可编辑的协作者（或把链接分享设为「组织内获得链接的人可编辑」）后再说一次；也可以回复“全部处理”，把修订放进另导入的修订稿。',
  downloadFailed: (code: number | undefined) =>
    `没能下载这个文件（飞书返回 ${code ?? '错误'}）。请重新发送文件；如果文件来自合并转发的聊天记录，请先单独转发给我。`,
  docFailed: (code: number | undefined) => `读取这篇文档时飞书返回错误（${code ?? '未知'}）。请确认链接可以打开，稍后再试。`,
  // Issue 23: 台账 in spreadsheets.
  encryptedWorkbook: (name: string) =>
    `表格“${name}”设置了打开密码，读不了。请在 Excel 或 WPS 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”（WPS：“文件 → 文档加密 → 密码加密”）里清空密码并保存，再重新发送；也可以另存一份不加密的副本发过来。`,
  tooManyRows: (name: string, rows: number, max: number) =>
    `表格“${name}”有 ${rows} 行数据，超过了一次可读取的 ${max} 行。请只保留本期（例如本半年）的行，或按月份拆成几个文件分别发送。`,
  emptySheet: (name: string) => `表格“${name}”里没有数据行（只有表头或是空表）。请确认发的是填好的台账，或直接把内容粘贴过来。`,
  corruptSheet: (name: string, kind: string) =>
    `表格“${name}”打不开：内容不是有效的 ${kind} 文件（可能已损坏，或只是改了扩展名）。请用 Excel 或 WPS 打开后另存为 .xlsx 再发，或把内容复制粘贴过来。`,
  legacyXls: (name: string) => `“${name}”是旧版 Excel 格式（.xls），暂时读不了。请用 Excel 或 WPS 打开，“另存为”Excel 工作簿（*.xlsx）后重新发送。`,
  quoteElsewhere: '被引用的消息不在本会话里，没有读取。请在原会话中引用，或直接把文字粘贴过来。',
  bitableTableGone: '没有找到链接里的这张数据表：它可能已被删除。请在多维表格里打开要用的数据表，复制地址栏里的完整链接再发。',
  ocrFailed: (code: string | number) => `飞书文字识别没能处理这张图片（错误码 ${code}）。请换一张清晰、小于 5 MB 的照片，或直接把文字粘贴过来。`,
  forwardEmpty: (skipped: number) => `这组合并转发的聊天记录里没有可读的文字${skipped ? `（其中 ${skipped} 条是图片或文件，转发后的附件飞书不允许应用读取，请直接发给我）` : ''}。`,
} as const;

/** What the bot says when a table cannot be read, by Feishu's error code. */
/** A 台账 table's refusal in words, by the kind feishu/codes.ts gives its code (the one table of Feishu codes). */
export function tableReadError(kind: string, code: number, what: '多维表格' | '电子表格'): DocumentError {
  if (kind === 'no-access') {
    return new DocumentError('no-access', `笔杆子没有这份${what}的读取权限。请表格所有者在右上角「…」→「更多」→「添加文档应用」中添加“笔杆子”（可阅读）；开启了高级权限的多维表格，还需在高级权限设置中给它可阅读的角色。添加后再发一次链接即可。`);
  }
  if (kind === 'not-found') {
    return new DocumentError('not-found', `没有找到这份${what}：链接可能有误，或表格已被删除。请在浏览器里打开确认后，复制地址栏里的完整链接再发。`);
  }
  return new DocumentError('unavailable', `飞书暂时没能返回这份${what}的内容（错误码 ${code}）。请稍后再发一次链接。`);
}
