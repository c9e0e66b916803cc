// Texts of the software evaluator (/rate/{window}), Chinese first.
export default {
  zh: {
    switchLanguage: 'EN',
    welcome: '欢迎办事，请对我们的服务进行监督',
    pleaseRate: '请对本次服务进行评价',
    verySatisfied: '非常满意',
    satisfied: '满意',
    fairlySatisfied: '基本满意',
    dissatisfied: '不满意',
    veryDissatisfied: '非常不满意',
    secondsLeft: '秒后结束评价',
    thanks: '感谢您的评价！',
    clerk: c => `${c.unit} ${c.name} 工号 ${c.staffCode}`,
  },
  en: {
    switchLanguage: '中文',
    welcome: 'Welcome. Your rating helps us serve you better',
    pleaseRate: 'Please rate this service',
    verySatisfied: 'Very satisfied',
    satisfied: 'Satisfied',
    fairlySatisfied: 'Fairly satisfied',
    dissatisfied: 'Dissatisfied',
    veryDissatisfied: 'Very dissatisfied',
    secondsLeft: 'seconds left',
    thanks: 'Thank you for your rating!',
    clerk: c => `${c.name} · No. ${c.staffCode}`,
  },
};
