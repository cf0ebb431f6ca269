// motcua: accessibility fixes for Swagger UI's rendering, applied as it renders (no inline script:
// this file is served from 'self' under the CSP). Swagger UI leaves some controls without an
// accessible name, skips a heading level and
// leaves the document's description outside any landmark.
(function () {
  'use strict';
  function fix(root) {
    // The document's title and description: a landmark like the operations after them.
    var info = root.querySelector('.information-container');
    if (info && !info.getAttribute('role')) {
      info.setAttribute('role', 'region');
      info.setAttribute('aria-label', document.title || 'API');
    }
    // Parameter selects (enums, booleans) and inputs: named after their parameter.
    root.querySelectorAll('tr[data-param-name]').forEach(function (row) {
      var name = row.getAttribute('data-param-name');
      row.querySelectorAll('select, input, textarea').forEach(function (control) {
        if (!control.getAttribute('aria-label') && !control.id) control.setAttribute('aria-label', name);
      });
    });
    root.querySelectorAll('select:not([aria-label]), input:not([aria-label]):not([type=hidden]), textarea:not([aria-label])').forEach(function (control) {
      if (control.labels && control.labels.length > 0) return;
      var hint = control.getAttribute('placeholder') || control.getAttribute('title') || control.className || 'value';
      control.setAttribute('aria-label', hint);
    });
    // The document title is h1 and the tag headings h3: give the levels below the title one step
    // each (tags 2, operation sections 3, their parts 4) so that no level is skipped.
    if (root.querySelector('.info h1')) {
      root.querySelectorAll('#swagger-ui h3, #swagger-ui h4, #swagger-ui h5, #swagger-ui h6').forEach(function (h) {
        if (h.closest('.info')) return;
        h.setAttribute('role', 'heading');
        h.setAttribute('aria-level', String(Number(h.tagName.charAt(1)) - 1));
      });
    }
  }
  var scheduled = false;
  var observer = new MutationObserver(function () {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      fix(document);
    });
  });
  function start() {
    fix(document);
    observer.observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
