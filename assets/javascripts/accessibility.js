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
nameUnnamed();
new MutationObserver(nameUnnamed).observe(document.body, { childList: true, subtree: true });
