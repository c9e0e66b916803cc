// The board's 公开屏 panel beside the calls: the notices in force, the staff on duty (岗位公示) and this month's
// satisfaction of each window (评价结果公开), one slide at a time, each for view.rotateSeconds. It lives in its own box, so it never covers a call; a changed list rebuilds the
// slides but keeps the turn going, and an unchanged view (every call pushes one) leaves the slide where it is.
import { $, el } from "/_content/Hall.Contracts/js/hall.js";

const staffPerSlide = 3;
const windowsPerEvaluationSlide = 3;

export function createPanel(i18n) {
  const { t } = i18n;
  let slides = [];
  let shown = 0;
  let key = "";
  let timer = null;
  let seconds = 0;

  function render(view) {
    const items = [
      ...view.notices.map(noticeSlide),
      ...chunk(view.windows.filter(w => w.clerk), staffPerSlide).map(staffSlide),
      ...chunk(view.evaluation ? view.evaluation.windows.filter(w => w.ratings > 0) : [], windowsPerEvaluationSlide)
        .map(windows => evaluationSlide(view.evaluation.month, windows)),
    ];
    const next = i18n.lang + JSON.stringify(items.map(i => i.key));
    if (next !== key) {
      key = next;
      slides = items;
      $("panel-slides").replaceChildren(...slides.map(s => s.element));
      $("panel").hidden = slides.length === 0;
      show(slides.length === 0 ? 0 : shown % slides.length);
    }
    if (seconds !== view.rotateSeconds) {
      seconds = view.rotateSeconds;
      clearInterval(timer);
      timer = setInterval(() => { if (slides.length > 0) show((shown + 1) % slides.length); }, seconds * 1000);
    }
  }

  function show(index) {
    shown = index;
    slides.forEach((s, i) => { s.element.hidden = i !== index; });
    const current = slides[index];
    $("panel-title").textContent = current ? t(current.kind, current.month) : "";
    $("panel-count").textContent = slides.length > 1 ? t("page", index + 1, slides.length) : "";
  }

  function noticeSlide(notice) {
    const element = el("article", "slide notice-slide");
    element.dataset.notice = notice.id;
    element.append(el("h2", "notice-title", notice.title), el("p", "notice-body", notice.body));
    return { kind: "notices", key: ["n", notice.id, notice.title, notice.body], element };
  }

  function staffSlide(windows) {
    const element = el("div", "slide staff-slide");
    element.append(...windows.map(w => {
      const card = el("div", "staff");
      card.dataset.window = w.number;
      const c = w.clerk;
      let photo;
      if (c.photoUrl) {
        photo = el("img", "photo");
        photo.src = c.photoUrl;
        photo.alt = c.name;
      } else {
        photo = el("div", "photo initial", c.name.slice(0, 1));
      }
      const about = el("div", "about");
      about.append(el("div", "staff-window", w.name), el("div", "staff-name", c.name),
        el("div", "staff-title", c.title || ""), el("div", "staff-no", t("staffNo", c.staffCode)), el("div", "staff-unit", c.unit || ""));
      card.append(photo, about);
      return card;
    }));
    const staffKey = ["s", ...windows.map(w => [w.number, w.clerk.staffCode, w.clerk.name, w.clerk.title, w.clerk.photoUrl, w.clerk.unit, w.name])];
    return { kind: "staff", key: staffKey, element };
  }

  // Each window's month: 满意率, ratings and 差评 (the published figures, no citizen's data).
  function evaluationSlide(month, windows) {
    const element = el("div", "slide evaluation-slide");
    element.dataset.month = month;
    element.append(...windows.map(w => {
      const row = el("div", "evaluation");
      row.dataset.window = w.windowNumber;
      const rate = w.satisfactionRate == null ? "—" : `${(w.satisfactionRate * 100).toFixed(1)}%`;
      row.append(el("span", "evaluation-window", i18n.lang === "en" ? t("window", w.windowNumber) : w.name || t("window", w.windowNumber)),
        el("span", "evaluation-rate", rate), el("span", "evaluation-count", t("ratings", w.ratings, w.badRatings)));
      return row;
    }));
    const rows = windows.map(w => [w.windowNumber, w.name, w.ratings, w.satisfactionRate, w.badRatings]);
    return { kind: "evaluation", month, key: ["e", month, ...rows], element };
  }

  return { render, hasSlides: () => slides.length > 0 };
}

function chunk(list, size) {
  const chunks = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}
