// Texts of the published ratings page (evaluation.js), Chinese first.
export default {
  zh: {
    switchLanguage: 'EN',
    title: '政务服务“好差评”结果公开',
    intro: '按月公开各窗口、各事项的评价情况。满意率为“基本满意”及以上评价所占比例；差评为“不满意”和“非常不满意”；整改率、回访率按差评计算。不含任何群众个人信息。',
    month: '月份', byWindow: '各窗口', byService: '各事项', window: '窗口', service: '事项',
    ratings: '评价数', satisfactionRate: '满意率', badRatings: '差评数', rectifiedRate: '整改率', followedUpRate: '回访率',
    levels: { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' },
    total: (month, n, rate) => `${month.replace('-', '年')}月 共 ${n} 条评价，满意率 ${rate}`,
    none: '—',
    cannotRead: '暂时无法读取评价结果，请稍后再试。',
    complaintPhone: phone => `投诉电话：${phone}`, supervisionPhone: phone => `监督电话：${phone}`,
  },
  en: {
    switchLanguage: '中文',
    title: 'Published ratings of the hall\'s services',
    intro: 'Each window\'s and service\'s ratings by month. Satisfaction is the share of ratings of "fairly satisfied" or better; bad ratings are "dissatisfied" and "very dissatisfied"; rectified and followed-up rates are over the bad ratings. No citizen\'s data is shown.',
    month: 'Month', byWindow: 'By window', byService: 'By service', window: 'Window', service: 'Service',
    ratings: 'Ratings', satisfactionRate: 'Satisfaction', badRatings: 'Bad ratings', rectifiedRate: 'Rectified', followedUpRate: 'Followed up',
    levels: { 5: 'Very satisfied', 4: 'Satisfied', 3: 'Fairly satisfied', 2: 'Dissatisfied', 1: 'Very dissatisfied' },
    total: (month, n, rate) => `${month}: ${n} ratings, satisfaction ${rate}`,
    none: '—',
    cannotRead: 'The figures cannot be read now; please try again later.',
    complaintPhone: phone => `Complaints: ${phone}`, supervisionPhone: phone => `Supervision: ${phone}`,
  },
};
