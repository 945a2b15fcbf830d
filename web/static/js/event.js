// Audience captions: Server-Sent Events (which reconnect and resume by themselves),
// plain or original words, text size, and auto-scroll that stops when the reader scrolls back.
(function () {
  "use strict";
  const list = document.getElementById("captions");
  const box = document.getElementById("captions-box");
  if (!list || !box) return;
  const eventId = list.dataset.event;
  const status = document.getElementById("connection");
  const jump = document.getElementById("jump");
  const toggle = document.getElementById("toggle-original");
  let size = 2.25;
  let following = true;

  function atBottom() {
    return box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  }
  function scrollToLatest() {
    box.scrollTop = box.scrollHeight;
    following = true;
    jump.hidden = true;
  }
  box.addEventListener("scroll", function () {
    following = atBottom();
    jump.hidden = following;
  });
  jump.addEventListener("click", scrollToLatest);

  function render(line) {
    let item = list.querySelector('li[data-seq="' + line.seq + '"]');
    if (!item) {
      item = document.createElement("li");
      item.dataset.seq = String(line.seq);
      const plain = document.createElement("p");
      plain.className = "plain";
      const original = document.createElement("p");
      original.className = "original";
      item.append(plain, original);
      const later = Array.from(list.children).find((other) => Number(other.dataset.seq) > line.seq);
      list.insertBefore(item, later || null);
    }
    item.className = line.kind === "partial" ? "partial" : "final";
    const plain = item.querySelector(".plain");
    plain.replaceChildren();
    let cursor = 0;
    // Highlight what changed, building nodes from text so nothing is read as HTML.
    const changed = [];
    let at = 0;
    for (const change of line.changes) {
      const start = change.start + at;
      changed.push([start, start + change.new.length]);
      at += change.new.length - (change.end - change.start);
    }
    for (const [start, end] of changed) {
      plain.append(document.createTextNode(line.plain.slice(cursor, start)));
      const mark = document.createElement("mark");
      mark.textContent = line.plain.slice(start, end);
      plain.append(mark);
      cursor = end;
    }
    plain.append(document.createTextNode(line.plain.slice(cursor)));
    item.querySelector(".original").textContent = line.original;
    while (list.children.length > 400) list.firstElementChild.remove();
    if (following) scrollToLatest();
    else jump.hidden = false;
  }

  const source = new EventSource("/v1/events/" + encodeURIComponent(eventId) + "/sse");
  source.addEventListener("open", () => (status.textContent = "Live"));
  source.addEventListener("error", () => (status.textContent = "Reconnecting…"));
  source.addEventListener("line", (event) => render(JSON.parse(event.data)));
  source.addEventListener("skipped", () => (status.textContent = "Live (some captions were skipped to catch up)"));
  source.addEventListener("ended", () => {
    status.textContent = "The event has ended.";
    source.close();
  });

  toggle.addEventListener("click", function () {
    const on = toggle.getAttribute("aria-pressed") !== "true";
    toggle.setAttribute("aria-pressed", String(on));
    box.classList.toggle("show-original", on);
  });
  function resize(step) {
    size = Math.min(5, Math.max(1.25, size + step));
    box.style.setProperty("--caption-size", size + "rem");
  }
  document.getElementById("smaller").addEventListener("click", () => resize(-0.25));
  document.getElementById("larger").addEventListener("click", () => resize(0.25));
})();
