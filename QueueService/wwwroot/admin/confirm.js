// The page's one confirm dialog (#confirm), shared by the devices and notices panels.
import { $ } from '/_content/Hall.Contracts/js/hall.js';

$('confirm-ok').addEventListener('click', () => $('confirm').close('ok'));
$('confirm-cancel').addEventListener('click', () => $('confirm').close('cancel'));

// A modal question in the page's language; resolves true only on the confirming button.
export function ask(question, confirmLabel) {
  const dialog = $('confirm');
  $('confirm-text').textContent = question;
  $('confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}
