// Destructive or final actions ask first: a button with data-confirm asks its question, and on yes the form is sent
// with confirmed=<name>:<value>. The server refuses the action without it (cchc/confirm.py), so without JavaScript
// a confirmation step is shown instead.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  if (!button || !button.dataset.confirm) return;
  if (!window.confirm(button.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  var form = event.target;
  var input = form.querySelector("input[name=confirmed]");
  if (!input) {
    input = document.createElement("input");
    input.type = "hidden";
    input.name = "confirmed";
    form.appendChild(input);
  }
  input.value = button.name + ":" + button.value;
});
