// A service's guide (办事指南) as the pages show it: the kiosk's guide mode and the phone page build the same
// sections from GET /api/services/{id}/guide, with the same words. A page merges guideTexts into its own texts
// (withGuideTexts) and calls guideSections(info, i18n).
import { el } from './hall.js';

export const guideTexts = {
  zh: {
    section: { basis: '设定依据', conditions: '办理条件', materials: '申请材料', procedure: '办理流程', days: '办理时限', fees: '收费标准', location: '办理地点', phone: '咨询电话', contacts: '投诉与监督', forms: '表格下载' },
    form: { original: '原件', copy: '复印件', originalAndCopy: '原件和复印件' },
    copies: '{form} {n} 份',
    statutoryDays: '法定时限：{n} 个工作日',
    promisedDays: '承诺时限：{n} 个工作日',
    promisedNow: '承诺时限：即办件，材料齐全当场办结',
    complaintPhone: '投诉电话：{phone}',
    supervisionPhone: '监督电话：{phone}',
    guideOnline: '本事项可网上办理，无需到现场：{url}',
    noMaterialsNeeded: '无需额外材料，请携带本人有效身份证件',
  },
  en: {
    section: { basis: 'Legal basis', conditions: 'Conditions', materials: 'Materials', procedure: 'Procedure', days: 'Time limits', fees: 'Fees', location: 'Where', phone: 'Enquiries', contacts: 'Complaints and supervision', forms: 'Forms' },
    form: { original: 'original', copy: 'copy', originalAndCopy: 'original and copy' },
    copies: '{form}, {n}',
    statutoryDays: 'Statutory limit: {n} working days',
    promisedDays: 'Promised: {n} working days',
    promisedNow: 'Done on the spot when the materials are complete',
    complaintPhone: 'Complaints: {phone}',
    supervisionPhone: 'Supervision: {phone}',
    guideOnline: 'This service can be done online, no need to come in: {url}',
    noMaterialsNeeded: 'Nothing beyond your own valid ID',
  },
};

/** A page's texts with the guide's words added (the page's own win where both name a key). */
export const withGuideTexts = texts => ({ zh: { ...guideTexts.zh, ...texts.zh }, en: { ...guideTexts.en, ...texts.en } });

function section(i18n, name, ...content) {
  const box = el('section', 'guide-section');
  box.append(el('h3', null, i18n.t(`section.${name}`)), ...content);
  return box;
}

const paragraphs = text => text.split('\n').map(line => el('p', null, line));

/** The materials as lines: the guide's detailed list (original or copy, how many), else the service's plain list. */
export function materialLines(info, i18n) {
  const detailed = info.guide.materials || [];
  return detailed.length
    ? detailed.map(m => `${m.name}（${i18n.t('copies', { form: i18n.t(`form.${m.form}`), n: m.copies })}）${m.note ? '：' + m.note : ''}`)
    : info.materials;
}

/** A form as a link (phone pages); a kiosk passes its own formItem to show a QR code the citizen scans instead. */
function formLink(form) {
  const link = el('a', null, form.name);
  link.href = form.url;
  link.target = '_blank';
  link.rel = 'noopener';
  const item = el('li');
  item.append(link);
  return item;
}

/** The guide's sections as elements, in the order the documents list them. */
export function guideSections(info, i18n, { formItem = formLink } = {}) {
  const g = info.guide;
  const sections = [];
  if (g.basis) sections.push(section(i18n, 'basis', ...paragraphs(g.basis)));
  if (g.conditions) sections.push(section(i18n, 'conditions', ...paragraphs(g.conditions)));
  const list = el('ol', 'materials');
  const lines = materialLines(info, i18n);
  for (const line of lines) list.append(el('li', null, line));
  if (!lines.length) list.append(el('li', 'materials-none', i18n.t('noMaterialsNeeded')));
  sections.push(section(i18n, 'materials', list));
  if (g.procedure) sections.push(section(i18n, 'procedure', ...paragraphs(g.procedure)));
  const days = [];
  if (g.statutoryDays != null) days.push(el('p', null, i18n.t('statutoryDays', { n: g.statutoryDays })));
  if (g.promisedDays != null) days.push(el('p', null, g.promisedDays === 0 ? i18n.t('promisedNow') : i18n.t('promisedDays', { n: g.promisedDays })));
  if (days.length) sections.push(section(i18n, 'days', ...days));
  if (g.fees) sections.push(section(i18n, 'fees', el('p', null, g.fees)));
  if (g.location) sections.push(section(i18n, 'location', el('p', null, g.location)));
  if (g.phone) sections.push(section(i18n, 'phone', el('p', null, g.phone)));
  if (g.forms && g.forms.length) {
    const forms = el('ul', 'guide-forms');
    for (const form of g.forms) forms.append(formItem(form));
    sections.push(section(i18n, 'forms', forms));
  }
  const contacts = [];
  if (info.contacts.complaintPhone) contacts.push(el('p', null, i18n.t('complaintPhone', { phone: info.contacts.complaintPhone })));
  if (info.contacts.supervisionPhone) contacts.push(el('p', null, i18n.t('supervisionPhone', { phone: info.contacts.supervisionPhone })));
  if (contacts.length) sections.push(section(i18n, 'contacts', ...contacts));
  return sections;
}
