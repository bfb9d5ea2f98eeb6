/* Leaving a form with unsaved changes warns.

   Every form that changes something (method="post") is watched: once a field in it is typed into or changed,
   leaving the page (a link, the menu, closing the tab, going back) asks the browser's "leave the page?" question.
   Submitting the form itself does not ask. A form marked data-no-warn (log-out, one-click buttons) is never
   watched; search and filter forms (method="get") are not either. A form shown again with errors counts as
   changed. The browser writes the question's text
   itself; the page only asks for it. */
(function () {
  "use strict";
  var dirty = new Set();

  function watched(form) {
    return form && (form.method || "").toLowerCase() === "post" && !form.hasAttribute("data-no-warn");
  }

  function mark(event) {
    var form = event.target && event.target.form;
    if (!watched(form)) return;
    if (event.target.type === "hidden") return;
    dirty.add(form);
  }

  document.addEventListener("input", mark, true);
  document.addEventListener("change", mark, true);
  document.addEventListener("submit", function (event) {
    dirty.delete(event.target);
  }, true);
  document.addEventListener("reset", function (event) {
    dirty.delete(event.target);
  }, true);

  /* A form that came back with errors (or with another person's changes beside yours) holds what was typed but
     not saved: it counts as changed from the start. */
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(function (form) {
      if (watched(form) && form.querySelector(".errorlist, .error, .conflict")) dirty.add(form);
    });
  });

  window.addEventListener("beforeunload", function (event) {
    if (!dirty.size) return;
    event.preventDefault();
    event.returnValue = "Bạn có thay đổi chưa lưu. Rời trang này?";
    return event.returnValue;
  });
})();

/* A button marked data-print prints the page (the print stylesheet leaves the menu and filters out). */
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-print]");
  if (button) window.print();
});
