// Names for elements Material leaves unnamed (axe-core rules aria-dialog-name and
// link-name): the search dialog, and the numbered buttons of code annotations, which
// Material creates after the page loads.
function nameUnnamed() {
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search");
  }
  for (const link of document.querySelectorAll("a.md-annotation__index:not([aria-label])")) {
    const number = link.querySelector("[data-md-annotation-id]");
    link.setAttribute("aria-label", `Annotation ${number ? number.dataset.mdAnnotationId : ""}`.trim());
  }
}

// The ticks of a checklist are pictures of a state, not form fields to fill in
// (axe-core rule label): hide them from assistive technology, which reads the text.
for (const tick of document.querySelectorAll(".task-list-control input[type=checkbox]")) {
  tick.setAttribute("aria-hidden", "true");
}

// A table wider than the page scrolls sideways: let the keyboard reach and scroll it
// (axe-core rule scrollable-region-focusable), as Material does for code blocks.
function focusableWideTables() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways");
    } else {
      ["tabindex", "role", "aria-label"].forEach(name => wrap.removeAttribute(name));
    }
  }
}

// Material adds these elements after the page loads: look again whenever it does.
function tidy() {
  nameUnnamed();
  focusableWideTables();
}
tidy();
new MutationObserver(tidy).observe(document.body, { childList: true, subtree: true });
window.addEventListener("resize", focusableWideTables);
