"""The page's language in the browser: `<html lang>`, and Streamlit's own texts in the reader's words."""

from __future__ import annotations

import json

import streamlit as st

from indicators.text.fmt import Lang
from indicators.text.i18n import t

# Streamlit 1.x has no setting for the texts it draws itself (the uploader's button and limits, the
# skip link) nor for <html lang>, which its index.html fixes at "en". So a script puts them right in
# the browser: each rule is (where, Streamlit's English text as a pattern, our words). Only whole
# text nodes inside those elements are rewritten, so nothing a person typed or uploaded is touched.
_RULES: tuple[tuple[str, str, str], ...] = (
    ("[data-testid=stSkipToContent]", r"^Skip to main content$", "shell.skip"),
    ("[data-testid=stFileUploaderDropzone] button", r"^Upload$", "shell.upload"),
    ("[data-testid=stFileUploaderDropzone]", r"^Drag and drop a file here$", "shell.drop"),
    # "20MB per file": the size as Streamlit writes it, then our words round it.
    (
        "[data-testid=stFileUploaderDropzoneInstructions]",
        r"^(\d+(?:\.\d+)?)\s*([KMGT]?B) per file$",
        "shell.per_file",
    ),
)

# Attributes a screen reader speaks: (where, attribute, our words). The uploader's hidden file input
# is labelled "file upload" and its "+" button "Add files" whatever the page's language. An element
# once relabelled is marked with its key, so the next language finds it again.
_LABELS: tuple[tuple[str, str, str], ...] = (
    ("[data-testid=stFileUploaderDropzoneInput]", "aria-label", "shell.upload"),
    ('[data-testid=stFileUploader] [aria-label="Add files"]', "aria-label", "shell.add"),
)

# The text's original is kept per node, so switching back and forth always starts from Streamlit's
# English; a node React rewrites since is read afresh. One observer per tab, installed once, applies
# the current rules to whatever Streamlit draws later (a page change, an uploader that reappears).
_SCRIPT = """(() => {
  const w = window;
  w.__pageLang = LANG;
  w.__pageRules = RULES.map(([where, pattern, words]) => [where, new RegExp(pattern), words]);
  w.__pageOriginals = w.__pageOriginals || new WeakMap();
  w.__pageLabels = LABELS;
  const apply = () => {
    if (document.documentElement.lang !== w.__pageLang) document.documentElement.lang = w.__pageLang;
    for (const [where, attribute, key, words] of w.__pageLabels) {
      for (const element of document.querySelectorAll(`${where}, [data-page-label="${key}"]`)) {
        element.dataset.pageLabel = key;
        if (element.getAttribute(attribute) !== words) element.setAttribute(attribute, words);
      }
    }
    for (const [where, pattern, words] of w.__pageRules) {
      for (const element of document.querySelectorAll(where)) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          let seen = w.__pageOriginals.get(node);
          if (!seen || seen.written !== node.nodeValue) seen = {original: node.nodeValue};
          if (!pattern.test(seen.original.trim())) continue;
          const text = seen.original.trim().replace(pattern, words);
          if (node.nodeValue !== text) node.nodeValue = text;
          w.__pageOriginals.set(node, {original: seen.original, written: text});
        }
      }
    }
  };
  if (!w.__pageObserver) {
    // Once a frame at most: a chart drawing makes thousands of changes, the rules need one look.
    let queued = false;
    const soon = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; w.__pageApply(); });
    };
    w.__pageObserver = new MutationObserver(soon);
    w.__pageObserver.observe(document.body, {childList: true, subtree: true, characterData: true});
  }
  w.__pageApply = apply;
  apply();
})();"""


def rules(lang: Lang) -> list[tuple[str, str, str]]:
    """Each rule with its words in `lang`: a pattern's groups appear in the words as $1, $2."""
    return [(where, pattern, t(key, lang).format(size="$1 $2")) for where, pattern, key in _RULES]


def script(lang: Lang) -> str:
    """The script for one language: our own text only, nothing a person typed goes in it."""
    labels = [(where, attribute, key, t(key, lang)) for where, attribute, key in _LABELS]
    return (
        _SCRIPT.replace("LANG", json.dumps(lang))
        .replace("RULES", json.dumps(rules(lang), ensure_ascii=False))
        .replace("LABELS", json.dumps(labels, ensure_ascii=False))
    )


def apply(lang: Lang) -> None:
    """Set the page's language in the browser: `<html lang>` and Streamlit's own texts."""
    st.html(f"<script>{script(lang)}</script>", unsafe_allow_javascript=True)
