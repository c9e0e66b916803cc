// Texts of the calendar panel (calendar.js), Chinese first; merged into the page's texts under "calendar".
export default {
  zh: {
    calendar: {
      title: '节假日与调休',
      hint: '按国务院办公厅当年的节假日安排通知逐行填写：名称、日期或日期范围（起..止）、休或班。例如“国庆节 2026-10-01..2026-10-07 休”“国庆节 2026-10-10 班”。# 之后为注释。',
      year: '年份',
      apply: '导入并立即生效',
      applied: (holidays, workdays) => `已生效：放假 ${holidays} 天，调休上班 ${workdays} 天。`,
      refused: reason => `未生效：${reason}`,
      toMove: '以下预约落在新定的节假日，请联系群众改约：',
      booking: (code, service, at) => `${code} · ${service} · ${at}`,
      empty: '（该年尚无节假日安排）',
    },
  },
  en: {
    calendar: {
      title: 'Holidays and make-up workdays',
      hint: 'Type the State Council\'s notice for the year, one line each: a name, a date or a range (from..to), and 休 (holiday) or 班 (make-up workday). For example "国庆节 2026-10-01..2026-10-07 休", "国庆节 2026-10-10 班". # starts a comment.',
      year: 'Year',
      apply: 'Import and apply now',
      applied: (holidays, workdays) => `In force: ${holidays} holidays and ${workdays} make-up workdays.`,
      refused: reason => `Not applied: ${reason}`,
      toMove: 'These bookings fall on a newly declared holiday; contact the citizens to move them:',
      booking: (code, service, at) => `${code} · ${service} · ${at}`,
      empty: '(no holidays entered for this year)',
    },
  },
};
