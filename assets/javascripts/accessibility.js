// A name for the search dialog, which Material leaves unnamed (axe-core rule
// aria-dialog-name).
function nameSearch() {
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search");
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

// Material makes a code block that scrolls sideways focusable once the block comes
// into view (the theme's feature content.lazy, which spares long pages that work at
// load): make every such block reachable by keyboard from the start. All measured
// first, then marked, so that the page is laid out once.
function focusableWideCode() {
  const wide = [...document.querySelectorAll("pre > code:not([tabindex])")].filter(
    code => code.scrollWidth > code.clientWidth,
  );
  for (const code of wide) {
    code.setAttribute("tabindex", "0");
  }
}

// Material adds elements after the page loads (the tables' scrolling wrappers among
// them): look again once the browser is idle, when the page is laid out already and
// measuring it costs nothing.
const whenIdle = window.requestIdleCallback || (callback => setTimeout(callback, 50));
let scheduled = false;
function tidy() {
  scheduled = false;
  nameSearch();
  focusableWideTables();
  focusableWideCode();
}
function tidyLater() {
  if (!scheduled) {
    scheduled = true;
    whenIdle(tidy);
  }
}
tidyLater();
new MutationObserver(tidyLater).observe(document.body, { childList: true, subtree: true });
window.addEventListener("resize", tidyLater);
