// Easy Read editor: live preview of edited lines (**bold** hard words) and picture swaps.
(function () {
  "use strict";
  function preview(textarea) {
    const target = document.getElementById(textarea.dataset.preview);
    if (!target) return;
    const parts = textarea.value.split(/\*\*(.+?)\*\*/);
    const nodes = parts.map(function (part, i) {
      if (i % 2 === 0) return document.createTextNode(part);
      const strong = document.createElement("strong");
      strong.textContent = part;
      return strong;
    });
    target.replaceChildren(...nodes);
  }
  for (const textarea of document.querySelectorAll("textarea.line-edit")) {
    textarea.addEventListener("input", () => preview(textarea));
  }
  for (const select of document.querySelectorAll("select.picture-choice")) {
    select.addEventListener("change", function () {
      const option = select.selectedOptions[0];
      const holder = select.closest(".er-picture");
      const current = holder.querySelector("[data-for]");
      let next;
      if (option.dataset.image) {
        next = document.createElement("img");
        next.src = "/pictures/" + encodeURIComponent(option.dataset.image);
        next.alt = option.textContent.trim();
        next.className = "picture-image";
      } else {
        next = document.createElement("span");
        next.className = "picture-emoji";
        next.setAttribute("role", "img");
        next.setAttribute("aria-label", option.textContent.replace(option.dataset.emoji, "").trim());
        next.textContent = option.dataset.emoji;
      }
      next.dataset.for = select.id;
      current.replaceWith(next);
    });
  }
  const print = document.getElementById("print");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", () => window.print());
  }
})();
