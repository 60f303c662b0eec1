/** Every fixed sentence the bot says, in one place. */

export const OFFLINE_NOTICE = '（离线模式：未配置大模型 OPENAI_API_KEY。提纲、各部分、全文和Word导出都可用，以下内容由内置模板和规则生成，需要补充的内容用【待补充：……】标出。）';

export const HELP = [
  '笔杆子 · 意识形态工作报告写作助手',
  '可以这样用（私聊直接发，群里请 @我）：',
  '· 起草提纲：“帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲”',
  '· 在同一话题里接着写：“写第二部分，800字左右”“把（二）展开到500字”“写全文”“导出Word”“生成云文档”；要重来就说“重写第二部分”或“全部重写”',
  '· 审校：“帮我看看这段：……”，或直接粘贴报告原文；也可以发 Word/PDF 文件或飞书云文档链接（群里回复文件消息并 @我），Word 文件会返回带批注的副本',
  '· 用材料起草：引用台账文件或附上云文档链接，说“根据这份台账写上半年报告提纲”',
  '· 按领导批注修改：发来带批注的 Word 文件（或云文档链接加“处理批注”），回复“全部处理”或“处理 1 3 5”；云文档也可以回复“直接改原文档”；“按审校意见修订”返回修订版；“这版改了什么”“改回上一版”',
  '· 去年的报告作范文、本期台账作事实：私聊里先发两份文件，再说“参考去年的报告，根据这份台账写2026年上半年报告”；认错了就说“这份是台账”；问出处：“‘召开意识形态工作研判会’这句出自哪里？”；要把出处作为批注附进 Word：“导出Word（附出处）”',
  '· 台账随手记：“记一笔：6月2日召开意识形态工作研判会，分析研判3类问题”“查看台账”“导出台账”“根据本半年台账写报告”；按月提醒记台账：“每月25日提醒记台账”',
  '· 单位信息只说一次：“我们单位是中共青山县委宣传部，上级党委是中共青山县委，每半年报送”',
  '· 提醒：“提醒我6月30日前交上半年意识形态报告，提前3天提醒”“我的提醒”“取消提醒 2”',
  '· 本单位词表：“把‘圆满成功’加入慎用词”“‘街道办’改为‘街道办事处’”“查看本单位词表”“把‘圆满成功’从词表中删除”“导出本单位词表”，之后本群的审校按词表提示，注明来源为单位规定',
  '· 命令：/help 帮助　/reset 清空本话题的上下文',
  '· 删除我的数据：发“删除我的数据”，确认后删除笔杆子保存的你的对话、稿子和提醒（法律要求留存的审计记录除外）',
  '· 稿子在最后一次修改后保存一段时间，到期前会在话题里提醒；在话题里说“保留”可继续保存',
].join('\n');

export const UNSUPPORTED_TYPE = (label: string) =>
  `暂时只能读文字、富文本消息和 Word（.docx）/ PDF / 文本文件，收到的是${label}。请把需要处理的内容以文字粘贴过来（报告原文、提纲要求或提醒事项均可），或发送文件。`;

export const MESSAGE_TYPE_LABEL: Record<string, string> = {
  image: '图片',
  file: '文件',
  sticker: '表情包',
  audio: '语音',
  media: '视频',
  video: '视频',
  interactive: '卡片消息',
  share_chat: '群名片',
  share_user: '个人名片',
  merge_forward: '合并转发的聊天记录',
  location: '位置',
  todo: '任务',
  system: '系统消息',
  hongbao: '红包',
  share_calendar_event: '日程',
  calendar: '日程',
  vote: '投票',
  folder: '文件夹',
  unknown: '无法识别类型的消息',
};

export const EMPTY_TEXT = `没有收到文字内容。\n\n${HELP}`;

export const TOO_LONG = (len: number, max: number) =>
  `这段内容有 ${len} 字，超过了单次可处理的 ${max} 字。请分段发送（例如每次一个部分），或只粘贴需要审阅的段落。`;

export const UNKNOWN_COMMAND = (cmd: string) => `不认识的命令“${cmd}”。\n\n${HELP}`;

export const RESET_DONE = '已清空本话题的对话上下文和提纲，可以重新开始。';

export const FAILURE = '抱歉，这次没能完成处理（已自动重试）。请稍后再发一次；如果反复出现，请联系管理员检查模型服务和网络。';

export const FAILURE_BAD_REQUEST = '抱歉，模型服务拒绝了这次请求（可能是密钥、模型名称或内容长度的问题），重试也无济于事。请联系管理员检查 OPENAI_API_KEY / OPENAI_MODEL 配置。';

export const WORKING_TITLE = '笔杆子';

export const CLASSIFIED_REFUSAL = (marking: string) =>
  `检测到密级标志“${marking}”，本条消息未作处理，也未保存或转发。涉密内容不得发送到外部模型。请删除涉密内容、改用已脱密或公开的文本后再发；涉密材料请在涉密网络和设备上按保密规定处理。`;

/** Answers to requests ingest refused (allowlists, per-user rate limits, per-user queue cap). */
export const REFUSAL_TEXT: Record<'not-allowed' | 'rate-limited' | 'commands-rate-limited' | 'queue-full', string> = {
  'not-allowed': '抱歉，笔杆子暂未对你所在的组织或会话开放。如需使用，请联系管理员。',
  'rate-limited': '请求过于频繁，请稍后再试。',
  'commands-rate-limited': '请求过于频繁，请稍后再试。',
  'queue-full': '你还有几条请求正在处理，请等前面的完成后再发。',
};

/**
 * A rate-limited request's answer with when to try again: `seconds` from now, `clock` (HH:mm:ss) in the
 * bot's zone when known. The model's limit says that reminder commands do not count against it.
 */
export function refusalText(reason: keyof typeof REFUSAL_TEXT, wait?: { seconds: number; clock?: string }): string {
  if (!wait || (reason !== 'rate-limited' && reason !== 'commands-rate-limited')) return REFUSAL_TEXT[reason];
  const when = `约${wait.seconds}秒后${wait.clock ? `（${wait.clock}之后）` : ''}可以再发`;
  return reason === 'rate-limited'
    ? `请求过于频繁，请稍后再试：${when}。这个限制只管需要大模型的请求（起草、审校、问答）；“我的提醒”、设置和取消提醒不受影响，现在就可以发。`
    : `请求过于频繁，请稍后再试：${when}。`;
}

/** A verdict button pressed by someone other than the critique's requester (card ownership). */
export const NOT_CARD_OWNER = '只有请我审校的人可以标记这些意见是“误报”还是“有用”。你也可以把稿子发给我，单独审校一次。';

export const NOT_INITIATOR = '只有发起人可以修改这份稿子。如需在此基础上修改，可以点“导出Word”拿到文件，或另起一个话题让我重新起草。';

/** Title of the card that carries the one failure reply. */
export const FAILURE_TITLE = '笔杆子 · 出错了';

export const CRITIQUE_EMPTY = '请把需要审阅的内容一起发过来，例如：“帮我看看这段：今年以来，我局……”。整篇报告可以直接粘贴（单次不超过3万字），也可以发 Word/PDF 文件或飞书云文档链接；在群里请回复（引用）那条消息或文件并 @我。';

/** The toast for a second press of a button whose first press is queued, running or done. */
export const BUTTON_UNDER_WAY = '这个按钮已经按过，正在处理，结果会发在这个话题里，请稍候。';
export const BUTTON_EXPIRED = '这个按钮对应的操作已失效，请在话题里直接发文字指令。';
/** The toasts a button press gets at once (the card action's answer). */
export const BUTTON_TOAST = { expired: '这张卡片的按钮已过期，请在话题里直接发文字指令。', accepted: '已收到，正在处理' } as const;

export const REMINDER_NOT_UNDERSTOOD = '没看懂这条提醒。可以这样说：“提醒我6月30日前交上半年意识形态报告，提前3天提醒”，或“我的提醒”“取消提醒 2”。';

/** Printed once when the bot starts in console mode; `modelLine` names the model or is OFFLINE_NOTICE. */
export const consoleBanner = (modelLine: string) =>
  `笔杆子 控制台模式：未配置飞书凭证（FEISHU_APP_ID / FEISHU_APP_SECRET），在此直接对话；消息同样经队列和工作进程处理。${modelLine}\n输入内容后回车（粘贴多行会合并为一条），Ctrl+D 退出。\n\n`;

/** “删除我的数据”: the confirmation card, and the answers to its buttons. */
export const FORGET_TITLE = '笔杆子 · 删除我的数据';
export const FORGET_ASK = '确认删除笔杆子保存的你的全部数据吗？包括你参与的话题的对话记录、提纲和稿子的各个版本、你设的提醒及其任务、你在私聊里记的台账（记一笔）、排队和已完成的请求记录。删除后无法恢复。你在群里记入单位台账的条目是单位的工作记录：内容保留，去掉你的用户标识。\n\n法律要求留存的审计记录不删除（只含时间、会话和用户标识、任务类型，不含消息和文档内容）。\n\n请点“确认删除”或“取消”；不能点按钮时，在本会话回复“确认删除”或“取消删除”。';
export const FORGET_DONE = (deleted: number, kept: readonly string[], o: { shared?: readonly string[]; tasks?: { deleted: number; retrying: number } } = {}) =>
  `已删除你的数据（共 ${deleted} 项：对话记录、提纲和稿子、提醒及其任务、请求记录）。`
  + (o.tasks?.deleted ? `其中包括你的提醒在飞书任务中建的 ${o.tasks.deleted} 个任务。` : '')
  + (o.tasks?.retrying ? `另有 ${o.tasks.retrying} 个飞书任务暂时删不掉（飞书接口出错），会自动重试删除。` : '')
  + `\n\n按法律要求保留：\n${kept.map((k) => `· ${k}`).join('\n')}\n本次删除本身也记入了审计记录。`
  + (o.shared?.length ? `\n\n共用内容：\n${o.shared.map((k) => `· ${k}`).join('\n')}` : '');
export const FORGET_CANCELLED = '已取消，你的数据没有删除。';
export const FORGET_NOT_YOURS = '只有发出“删除我的数据”的本人可以确认删除。如需删除你自己的数据，请自己发送“删除我的数据”。';
export const FORGET_NOTHING_PENDING = '没有待确认的删除请求。如需删除你的数据，请先发送“删除我的数据”。';
