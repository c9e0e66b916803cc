// Texts of the waiting-area board, Chinese first; the display computer says which language to show.
export default {
  zh: {
    latest: "正在呼叫", recent: "最近呼叫", windows: "窗口状态", queues: "等候人数",
    please: "请", to: "请到", action: "办理", window: n => `${n}号窗口`, people: "人", wait: m => `约${m}分钟`,
    none: "暂无呼叫", offline: "连接中断", offlineDetail: "正在重新连接大厅服务器，请稍候…",
    connecting: "正在连接大厅服务器…",
    notices: "公告", staff: "岗位公示", evaluation: month => `${month.replace("-", "年")}月窗口满意率`,
    ratings: (n, bad) => `评价${n}次 · 差评${bad}`, staffNo: code => `工号${code}`, page: (n, of) => `${n}/${of}`,
    complaintPhone: "投诉电话", supervisionPhone: "监督电话",
    states: { closed: "未开放", idle: "空闲", calling: "呼叫中", serving: "办理中", paused: "暂停服务" },
  },
  en: {
    latest: "Now calling", recent: "Recent calls", windows: "Windows", queues: "Waiting",
    please: "", to: "please go to", action: "", window: n => `Window ${n}`, people: "", wait: m => `~${m} min`,
    none: "No calls yet", offline: "Connection lost", offlineDetail: "Reconnecting to the hall server…",
    connecting: "Connecting to the hall server…",
    notices: "Notices", staff: "Staff on duty", evaluation: month => `Satisfaction, ${month}`,
    ratings: (n, bad) => `${n} ratings · ${bad} bad`, staffNo: code => `No. ${code}`, page: (n, of) => `${n}/${of}`,
    complaintPhone: "Complaints", supervisionPhone: "Supervision",
    states: { closed: "Closed", idle: "Available", calling: "Calling", serving: "Serving", paused: "Paused" },
  },
};
