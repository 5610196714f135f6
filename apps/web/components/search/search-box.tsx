"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { fetchSuggestions } from "@/lib/bff/suggest";

// A combobox (WAI-ARIA 1.2 pattern): suggestions as you type, arrow keys to move, Enter to search.
// A plain GET form underneath, so searching works before this script has loaded.
export function SearchBox() {
  const router = useRouter();
  const current = useSearchParams().get("q") ?? "";
  const [text, setText] = useState(current);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const listId = useId();

  useEffect(() => setText(current), [current]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || q === current) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    // A short pause keeps a fast typist from sending one request per key.
    const timer = setTimeout(() => {
      fetchSuggestions(q, controller.signal)
        .then((titles) => {
          setSuggestions(titles.slice(0, 8));
          setActive(-1);
        })
        .catch(() => setSuggestions([]));
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, current]);

  function search(q: string) {
    setSuggestions([]);
    router.push(`/search?q=${encodeURIComponent(q.trim())}`);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (suggestions.length === 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      // -1 is the text box itself: moving past either end returns there.
      setActive((i) => {
        const next = i + step;
        return next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
      });
    } else if (e.key === "Escape") {
      setSuggestions([]);
    } else if (e.key === "Enter" && active >= 0 && active < suggestions.length) {
      e.preventDefault();
      search(suggestions[active]);
    }
  }

  const open = suggestions.length > 0;
  return (
    <form
      action="/search"
      role="search"
      className="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        search(text);
      }}
    >
      <label htmlFor="search-q" className="visually-hidden">
        Search games
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        placeholder="Search games"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setSuggestions([]), 100)}
        maxLength={200}
      />
      <button type="submit">Search</button>
      <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!open}>
        {suggestions.map((title, i) => (
          <li
            key={title}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              search(title);
            }}
          >
            {title}
          </li>
        ))}
      </ul>
    </form>
  );
}
