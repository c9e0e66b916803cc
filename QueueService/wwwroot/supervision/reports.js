// The monthly report (CSV or Excel): fetched with the supervisor's token (a plain link cannot send it) and saved
// from a blob.
import { $, ApiError, fileNameOf, problemText, saveFile } from '/_content/Hall.Contracts/js/hall.js';
import { hall, i18n, now } from './page.js';
import { fetchWithToken } from './session.js';

let reportMessage = null;    // { zh, en, error? }

export function renderReportMessage() {
  const box = $('report-message');
  box.textContent = i18n.of(reportMessage);
  box.className = 'report-message' + (reportMessage && reportMessage.error ? ' error' : '');
}

async function downloadMonthlyReport(format) {
  const month = (hall.today || new Date(now()).toLocaleDateString('sv-SE', { timeZone: hall.zone })).slice(0, 7);
  const button = $(format === 'xlsx' ? 'monthly-report-xlsx' : 'monthly-report');
  button.disabled = true;
  try {
    const response = await fetchWithToken(`/api/reports/monthly?month=${month}&format=${format}`);
    const name = fileNameOf(response, `monthly-report-${month}.${format}`);
    saveFile(await response.blob(), name);
    reportMessage = i18n.both('reportSaved', name);
  } catch (e) {
    const refusal = !(e instanceof ApiError) ? i18n.both('network')
      : e.status === 401 ? i18n.both('reportLogin') : problemText(e.problem) ?? i18n.both('reportFailed');
    reportMessage = { error: true, ...refusal };
  } finally {
    button.disabled = false;
    renderReportMessage();
  }
}

$('monthly-report').addEventListener('click', () => downloadMonthlyReport('csv'));
$('monthly-report-xlsx').addEventListener('click', () => downloadMonthlyReport('xlsx'));
