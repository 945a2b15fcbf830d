// The draft checker: live analysis as you type, apply suggestions, downloads.
// User text only ever reaches the page as text (value, textContent) or as HTML the server escaped.
(function () {
  "use strict";
  const form = document.getElementById("check-form");
  const textarea = document.getElementById("text");
  const results = document.getElementById("results");
  const details = document.getElementById("details");
  const detailsBody = document.getElementById("details-body");
  const status = document.getElementById("status");
  const fileInput = document.getElementById("file");
  const profile = document.getElementById("profile");
  const format = document.getElementById("format");
  if (!form || !textarea) return;

  let flags = [];
  let analysedText = textarea.value;
  let timer = null;
  let inflight = null;
  const DEBOUNCE_MS = 600;

  function readFlags() {
    const data = document.getElementById("report-data");
    flags = data ? JSON.parse(data.textContent) : [];
    for (const button of results.querySelectorAll("button.apply")) button.hidden = false;
  }

  function syncHidden() {
    for (const id of ["report-text", "easy-read-text"]) {
      const field = document.getElementById(id);
      if (field) field.value = textarea.value;
    }
    const reportProfile = document.getElementById("report-profile");
    if (reportProfile) reportProfile.value = profile.value;
  }

  async function analyse() {
    syncHidden();
    const text = textarea.value;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const body = new FormData();
    body.set("text", text);
    body.set("profile", profile.value);
    body.set("format", format.value);
    try {
      const response = await fetch("/partials/report", { method: "POST", body, signal: inflight.signal });
      const html = await response.text();
      if (text !== textarea.value) return; // the user typed on: a newer request follows
      results.innerHTML = html; // escaped by the server's templates
      analysedText = text;
      readFlags();
      hideDetails();
      const age = document.getElementById("reading-age");
      status.textContent = age ? "Results updated. Reading age " + age.textContent + "." : "";
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = "Could not update the results. Check your connection.";
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(analyse, DEBOUNCE_MS);
  }

  function hideDetails() {
    details.hidden = true;
    detailsBody.replaceChildren();
    for (const item of results.querySelectorAll(".issue.selected")) item.classList.remove("selected");
  }

  function showDetails(index) {
    const item = document.getElementById("flag-" + index);
    if (!item) return;
    for (const other of results.querySelectorAll(".issue.selected")) other.classList.remove("selected");
    item.classList.add("selected");
    const copy = document.createElement("div");
    copy.className = "issue";
    for (const child of item.children) copy.append(child.cloneNode(true));
    detailsBody.replaceChildren(copy);
    details.hidden = false;
    details.focus();
  }

  function apply(index, suggestion) {
    const flag = flags[index];
    if (!flag) return;
    const text = textarea.value;
    if (text !== analysedText || text.slice(flag.start, flag.end) !== flag.text) {
      status.textContent = "The text changed since it was checked. Checking again.";
      analyse();
      return;
    }
    const replacement = flag.suggestions[suggestion];
    const caret = textarea.selectionStart;
    textarea.value = text.slice(0, flag.start) + replacement + text.slice(flag.end);
    const shift = replacement.length - (flag.end - flag.start);
    const moved = caret >= flag.end ? caret + shift : Math.min(caret, flag.start + replacement.length);
    textarea.setSelectionRange(moved, moved);
    status.textContent = "Changed “" + flag.text + "” to “" + replacement + "”.";
    analyse();
  }

  results.addEventListener("click", function (event) {
    const mark = event.target.closest("a[data-flag]");
    if (mark) {
      event.preventDefault();
      showDetails(mark.dataset.flag);
      return;
    }
    const button = event.target.closest("button.apply");
    if (button) apply(Number(button.dataset.flag), Number(button.dataset.suggestion));
  });
  detailsBody.addEventListener("click", function (event) {
    const button = event.target.closest("button.apply");
    if (button) {
      apply(Number(button.dataset.flag), Number(button.dataset.suggestion));
      textarea.focus();
    }
  });
  details.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideDetails();
  });

  textarea.addEventListener("input", schedule);
  profile.addEventListener("change", analyse);

  document.getElementById("apply-safe").addEventListener("click", async function (event) {
    event.preventDefault();
    const response = await fetch("/v1/rewrite", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: textarea.value, profile: profile.value, format: format.value, mode: "safe" }),
    });
    if (!response.ok) {
      status.textContent = "Could not apply the changes.";
      return;
    }
    const result = await response.json();
    textarea.value = result.text;
    status.textContent = result.changes.length + " safe changes applied.";
    analyse();
  });

  form.addEventListener("submit", async function (event) {
    if (!fileInput.files.length) {
      event.preventDefault();
      analyse();
      return;
    }
    event.preventDefault();
    const body = new FormData();
    body.set("file", fileInput.files[0]);
    body.set("profile", profile.value);
    const response = await fetch("/v1/analyze", { method: "POST", body });
    const answer = await response.json();
    if (!response.ok) {
      status.textContent = answer.detail;
      results.replaceChildren();
      const box = document.createElement("div");
      box.className = "error-summary";
      box.setAttribute("role", "alert");
      const heading = document.createElement("h2");
      heading.textContent = "There is a problem";
      const message = document.createElement("p");
      message.textContent = answer.detail;
      box.append(heading, message);
      results.append(box);
      return;
    }
    textarea.value = answer.text;
    format.value = answer.source.format === "markdown" ? "markdown" : "text";
    wordFile = answer.source.format === "docx" ? fileInput.files[0] : null;
    document.getElementById("download-docx").hidden = !wordFile;
    fileInput.value = "";
    analyse();
  });

  let wordFile = null;
  document.getElementById("download-docx").addEventListener("click", async function () {
    if (!wordFile) return;
    const body = new FormData();
    body.set("file", wordFile);
    body.set("mode", "safe");
    body.set("profile", profile.value);
    const response = await fetch("/v1/rewrite", { method: "POST", body });
    if (!response.ok) {
      status.textContent = "Could not make the Word document.";
      return;
    }
    save(await response.blob(), wordFile.name.replace(/\.docx$/i, "") + ".plain.docx");
    status.textContent = "Downloaded the Word document with tracked changes.";
  });

  function save(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function download(name, type) {
    save(new Blob([textarea.value], { type }), name);
  }
  const txt = document.getElementById("download-txt");
  const md = document.getElementById("download-md");
  txt.hidden = false;
  md.hidden = false;
  txt.addEventListener("click", () => download("plainspeak.txt", "text/plain"));
  md.addEventListener("click", () => download("plainspeak.md", "text/markdown"));
  form.addEventListener("change", syncHidden);
  readFlags();
})();
