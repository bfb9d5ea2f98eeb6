/* Leaving a form with unsaved changes warns.

   Every form that changes something (method="post") is watched: once a field in it is typed into or changed,
   leaving the page (a link, the menu, closing the tab, going back) asks the browser's "leave the page?" question.
   Submitting the form itself does not ask. A form marked data-warn="text" counts only text typed and still there
   (a reason in the review queue), not a ticked box or a chosen option. A form marked data-no-warn (log-out,
   one-click buttons) is never watched; search and filter forms (method="get") are not either. A form shown again
   with errors counts as changed. The browser writes the question's text itself; the page only asks for it. */
(function () {
  "use strict";
  var dirty = new Set();
  var TEXT = /^(text|search|email|url|tel|number|date|password)$/;

  function watched(form) {
    return form && (form.method || "").toLowerCase() === "post" && !form.hasAttribute("data-no-warn");
  }

  function textOnly(form) {
    return form.getAttribute("data-warn") === "text";
  }

  function isText(field) {
    return field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && TEXT.test(field.type));
  }

  /* A text-only form is changed while one of its text fields holds other words than the page came with. */
  function changed(form) {
    if (!textOnly(form)) return true;
    return Array.prototype.some.call(form.elements, function (field) {
      return isText(field) && field.value.trim() !== field.defaultValue.trim();
    });
  }

  function mark(event) {
    var form = event.target && event.target.form;
    if (!watched(form)) return;
    if (event.target.type === "hidden") return;
    if (textOnly(form) && !isText(event.target)) return;
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
    if (!Array.from(dirty).some(changed)) return;
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
