// The review page: POST the article to /v1/check, show each sentence coloured by its flag
// with its spans highlighted, and post an editor's verdict to /v1/feedback.
"use strict";

const $ = (id) => document.getElementById(id);
let signature = "";

function headers() {
  const h = { "Content-Type": "application/json" };
  const token = $("token").value || sessionStorage.getItem("mtqe-token");
  if (token) h.Authorization = "Bearer " + token;
  return h;
}

async function api(path, body) {
  const res = await fetch(path, { method: "POST", headers: headers(), body: JSON.stringify(body) });
  if (res.status === 401) {
    document.querySelectorAll(".token-field").forEach((el) => { el.hidden = false; });
    $("token").focus();
  }
  const data = await res.json().catch(() => ({ detail: res.statusText }));
  if (!res.ok) throw new Error(data.detail || res.statusText);
  if ($("token").value) sessionStorage.setItem("mtqe-token", $("token").value);
  return data;
}

function say(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

// The service's offsets count Unicode code points; JavaScript strings index UTF-16 code
// units, so an emoji before a span would shift it. Array.from splits by code point.
function highlighted(text, spans) {
  const chars = Array.from(text);
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    if (sp.start < pos) continue; // overlapping spans: the earlier one is shown
    frag.append(chars.slice(pos, sp.start).join(""));
    const mark = document.createElement("mark");
    mark.className = "span";
    mark.tabIndex = 0;
    mark.dataset.category = sp.category;
    mark.setAttribute("aria-label", `${chars.slice(sp.start, sp.end).join("")}: ${sp.reason}`);
    mark.append(chars.slice(sp.start, sp.end).join(""));
    const tip = document.createElement("span");
    tip.className = "tip";
    tip.setAttribute("role", "tooltip");
    tip.textContent = `${sp.category} (${sp.score.toFixed(2)}): ${sp.reason}`;
    mark.append(tip);
    frag.append(mark);
    pos = sp.end;
  }
  frag.append(chars.slice(pos).join(""));
  return frag;
}

const VERDICTS = {
  flagged: [["error", "Right flag"], ["false_alarm", "False alarm"]],
  ok: [["missed", "Missed error"]],
};

function feedbackButtons(s) {
  const box = document.createElement("span");
  box.className = "feedback";
  for (const [verdict, label] of VERDICTS[s.flag === "ok" ? "ok" : "flagged"]) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.verdict = verdict;
    b.addEventListener("click", async () => {
      b.disabled = true;
      try {
        await api("/v1/feedback", { signature, text: s.text, flag_shown: s.flag, verdict, note: null });
        box.replaceChildren(Object.assign(document.createElement("span"),
          { className: "done", textContent: `Saved: ${label.toLowerCase()}` }));
        say(`Feedback saved for sentence ${Number(s.id) + 1}.`);
      } catch (e) {
        b.disabled = false;
        say(`Feedback not saved: ${e.message}`, true);
      }
    });
    box.append(b);
  }
  return box;
}

function sentenceItem(s) {
  const li = document.createElement("li");
  li.className = `sentence flag-${s.flag}`;
  li.dataset.id = s.id;
  li.dataset.flag = s.flag;
  const p = document.createElement("p");
  p.className = "text";
  p.style.margin = "0";
  p.append(highlighted(s.text, s.spans));
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.append(Object.assign(document.createElement("span"), { className: "badge", textContent: s.flag }),
    Object.assign(document.createElement("span"), { className: "score", textContent: `score ${s.score.toFixed(2)}` }),
    feedbackButtons(s));
  li.append(p, meta);
  if (s.reasons.length) {
    const ul = document.createElement("ul");
    ul.className = "reasons";
    for (const r of s.reasons) ul.append(Object.assign(document.createElement("li"), { textContent: r }));
    li.append(ul);
  }
  return li;
}

async function check(event) {
  event.preventDefault();
  const text = $("text").value;
  if (!text.trim()) { say("Paste or open an article first.", true); return; }
  const source = $("source").value.trim() ? $("source").value : null;
  $("check").disabled = true;
  say("Checking…");
  try {
    const report = await api("/v1/check", {
      text, source, src_lang: $("src-lang").value.trim() || null, mode: $("mode").value || null,
    });
    signature = report.signature;
    $("signature").textContent = report.signature;
    $("sentences").replaceChildren(...report.sentences.map(sentenceItem));
    const n = (f) => report.sentences.filter((s) => s.flag === f).length;
    $("summary").textContent = `${report.sentences.length} sentences: ${n("error")} error, ` +
      `${n("review")} review, ${n("ok")} ok.`;
    $("results").hidden = false;
    say("Done.");
  } catch (e) {
    say(`Check failed: ${e.message}`, true);
  } finally {
    $("check").disabled = false;
  }
}

function loadFile(input, target) {
  input.addEventListener("change", async () => {
    if (input.files.length) $(target).value = await input.files[0].text();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("check-form").addEventListener("submit", check);
  $("text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("check-form").requestSubmit();
  });
  loadFile($("file"), "text");
  loadFile($("source-file"), "source");
  fetch("/v1/health").then((r) => r.json()).then((h) => { $("signature").textContent = h.signature; })
    .catch(() => say("The service does not answer.", true));
});
