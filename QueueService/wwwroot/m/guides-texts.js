// Texts of the phone's guide page (guides.js), Chinese first; the guide's own words come from the shared guide module.
export default {
  zh: {
    switchLanguage: 'EN',
    guidesTitle: '办事指南',
    searchLabel: '搜索事项（名称或拼音首字母）',
    searchPlaceholder: '如：不动产 或 BDC',
    none: '没有找到相符的事项。',
    allGuides: '‹ 全部事项',
    bookOrTake: '预约或网上取号',
    cannotRead: '暂时无法读取办事指南，请稍后再试。',
    online: '可网办',
  },
  en: {
    switchLanguage: '中文',
    guidesTitle: 'Service guides',
    searchLabel: 'Search (name or pinyin initials)',
    searchPlaceholder: 'e.g. 不动产 or BDC',
    none: 'No service matches.',
    allGuides: '‹ All services',
    bookOrTake: 'Book or take a number online',
    cannotRead: 'The guides cannot be read now; try again later.',
    online: 'online',
  },
};
