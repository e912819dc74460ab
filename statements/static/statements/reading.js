'use strict';
// The reading view of a source (statements/admin/reading.py).
//
// Hovering a quote shows who said it and the statement (every quote under the pointer, when
// quotes overlap); clicking opens its attribution (or offers each of them). Selecting a
// passage offers "New attribution": the panel's quote fields are filled from the source's
// body itself, not from the page's text. Each rendered segment of the body carries its
// offset in the body (data-start, in characters, as Python counts them), so a selection's
// ends become offsets of the body (TextPositionSelector), and the words with up to 32
// characters either side are read from the body (TextQuoteSelector).
function readingView() {
    const CONTEXT = 32; // characters of prefix and suffix, more when that is not unique
    const MAX_CONTEXT = 500; // the longest prefix or suffix an attribution stores
    const QUOTE_MARKS = '"“”„«»\'‘’';

    const text = document.getElementById('reading-text');
    const bodyData = document.getElementById('reading-body');
    if (text && bodyData) {
        const body = JSON.parse(bodyData.textContent);
        const chars = Array.from(body); // by code point: Python's offsets
        const segments = Array.from(text.querySelectorAll('.segment'));
        const tooltip = document.getElementById('reading-tooltip');
        const choices = document.getElementById('reading-choices');
        const button = document.getElementById('quote-button');
        const panel = document.getElementById('quote-panel');
        const form = document.getElementById('quote_form');

        const codePoints = (string) => Array.from(string).length;

        // --- Offsets: DOM positions <-> the body's characters ---------------------------------

        function segmentEnd(segment) {
            return Number(segment.dataset.start) + codePoints(segment.textContent);
        }

        // The body offset of a boundary point (a selection's start or end).
        function bodyOffset(node, offset) {
            if (node.nodeType === Node.TEXT_NODE) {
                const segment = node.parentElement.closest('.segment');
                if (segment) {
                    return Number(segment.dataset.start) + codePoints(node.data.slice(0, offset));
                }
            }
            // Anywhere else (between paragraphs, on a mark): the first segment at or after
            // the point, found by bisection in document order.
            const point = document.createRange();
            point.setStart(node, offset);
            let low = 0;
            let high = segments.length;
            while (low < high) {
                const middle = (low + high) >> 1;
                if (point.comparePoint(segments[middle], 0) < 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            if (low < segments.length) {
                return Number(segments[low].dataset.start);
            }
            return segments.length ? segmentEnd(segments[segments.length - 1]) : 0;
        }

        // The DOM position of a body offset (to show a passage again after a reload).
        function domPoint(offset) {
            for (const segment of segments) {
                const start = Number(segment.dataset.start);
                if (offset <= segmentEnd(segment) && segment.firstChild) {
                    const within = Array.from(segment.firstChild.data).slice(0, Math.max(0, offset - start));
                    return [segment.firstChild, within.join('').length];
                }
            }
            return null;
        }

        function occurrences(needle) {
            let count = 0;
            for (let at = body.indexOf(needle); at !== -1 && count < 2; at = body.indexOf(needle, at + 1)) {
                count += 1;
            }
            return count;
        }

        // The passage between two body offsets, as W3C selectors: its ends trimmed of
        // whitespace, and a prefix and suffix long enough to tell it from any repeat.
        function passage(start, end) {
            while (start < end && /\s/u.test(chars[start])) start += 1;
            while (end > start && /\s/u.test(chars[end - 1])) end -= 1;
            if (end <= start) return null;
            const exact = chars.slice(start, end).join('');
            let size = CONTEXT;
            let prefix;
            let suffix;
            for (;;) {
                prefix = chars.slice(Math.max(0, start - size), start).join('');
                suffix = chars.slice(end, end + size).join('');
                if (size >= MAX_CONTEXT || occurrences(prefix + exact + suffix) <= 1) break;
                size = Math.min(MAX_CONTEXT, size * 2);
            }
            return {start, end, exact, prefix, suffix};
        }

        function selectedPassage() {
            const selection = window.getSelection();
            if (!selection.rangeCount || selection.isCollapsed) return null;
            const range = selection.getRangeAt(0);
            if (!text.contains(range.commonAncestorContainer)) return null;
            const found = passage(
                bodyOffset(range.startContainer, range.startOffset),
                bodyOffset(range.endContainer, range.endOffset)
            );
            return found && {...found, range: range.cloneRange()};
        }

        // --- Hover and click on a quote ----------------------------------------------------

        // The quotes at a point of the text, outermost first.
        function quotesAt(element) {
            const marks = [];
            for (let mark = element.closest('mark.quote'); mark && text.contains(mark);
                mark = mark.parentElement.closest('mark.quote')) {
                marks.unshift(mark);
            }
            return marks;
        }

        // The titles become the tooltip's: without the script, the browser shows them.
        for (const mark of text.querySelectorAll('mark.quote[title]')) {
            mark.dataset.tip = mark.title;
            mark.removeAttribute('title');
        }

        function speakerClass(mark) {
            return Array.from(mark.classList).find((name) => name.startsWith('speaker-'));
        }

        function place(box, x, y) {
            box.hidden = false;
            box.style.left = '0px'; // measured at its natural width, not squeezed by an edge
            const width = box.offsetWidth;
            const left = Math.min(x + 12, window.scrollX + document.documentElement.clientWidth - width - 8);
            box.style.left = `${Math.max(window.scrollX + 8, left)}px`;
            box.style.top = `${y + 16}px`;
        }

        function showTooltip(marks, event) {
            tooltip.replaceChildren(...marks.map((mark) => {
                const [speaker, how, ...statement] = mark.dataset.tip.split('\n');
                const tip = document.createElement('div');
                tip.className = `tip ${speakerClass(mark)}`;
                for (const [name, value] of [['speaker', speaker], ['how', how], ['statement', statement.join('\n')]]) {
                    const line = document.createElement('div');
                    line.className = `tip-${name}`;
                    line.textContent = value;
                    tip.append(line);
                }
                return tip;
            }));
            place(tooltip, event.pageX, event.pageY);
        }

        let hovered = [];
        function hover(marks) {
            for (const mark of hovered) unmarkAll(mark.dataset.attribution, 'is-hovered');
            hovered = marks;
            for (const mark of hovered) markAll(mark.dataset.attribution, 'is-hovered');
        }

        function marksOf(attributionId) {
            return text.querySelectorAll(`mark.quote[data-attribution="${attributionId}"]`);
        }
        function markAll(attributionId, name) {
            for (const mark of marksOf(attributionId)) mark.classList.add(name);
        }
        function unmarkAll(attributionId, name) {
            for (const mark of marksOf(attributionId)) mark.classList.remove(name);
        }

        text.addEventListener('mousemove', (event) => {
            const marks = quotesAt(event.target);
            if (!marks.length) {
                tooltip.hidden = true;
                hover([]);
                return;
            }
            hover(marks.slice(-1));
            showTooltip(marks, event);
        });
        text.addEventListener('mouseleave', () => {
            tooltip.hidden = true;
            hover([]);
        });

        function openAttribution(marks, event) {
            if (marks.length === 1) {
                window.location.assign(marks[0].dataset.href);
                return;
            }
            // Overlapping quotes: one link for each.
            const intro = document.createElement('p');
            intro.textContent = 'Open the attribution of:';
            choices.replaceChildren(intro, ...marks.map((mark) => {
                const link = document.createElement('a');
                link.href = mark.dataset.href;
                link.className = speakerClass(mark);
                link.textContent = `${mark.dataset.tip.split('\n')[0]} (#${mark.dataset.attribution})`;
                return link;
            }));
            tooltip.hidden = true;
            place(choices, event.pageX, event.pageY);
            choices.querySelector('a').focus();
        }

        text.addEventListener('click', (event) => {
            const marks = quotesAt(event.target);
            // A click that ends a selection selects; it does not navigate.
            if (!marks.length || !window.getSelection().isCollapsed) return;
            openAttribution(marks, event);
        });
        text.addEventListener('keydown', (event) => {
            if (event.key !== 'Enter' || !event.target.matches('mark.quote')) return;
            const rect = event.target.getBoundingClientRect();
            openAttribution(quotesAt(event.target), {
                pageX: rect.left + window.scrollX, pageY: rect.bottom + window.scrollY,
            });
        });
        document.addEventListener('mousedown', (event) => {
            if (!choices.contains(event.target)) choices.hidden = true;
        });

        // The attribution a link pointed at (#attribution-12), or the one just added.
        const target = window.location.hash.match(/^#attribution-(\d+)$/);
        if (target) {
            markAll(target[1], 'is-target');
            const first = document.getElementById(`attribution-${target[1]}`);
            if (first) first.scrollIntoView({block: 'center'});
        }

        // --- Select to quote ----------------------------------------------------------------

        if (button && panel && form) {
            const field = (name) => form.elements[name];
            const pending = window.CSS && CSS.highlights && window.Highlight;

            function showPending(range) {
                if (pending) CSS.highlights.set('pending-quote', new Highlight(range));
            }
            function clearPending() {
                if (pending) CSS.highlights.delete('pending-quote');
            }

            function guessMode(found) {
                const before = chars[found.start - 1] || '';
                const after = chars[found.end] || '';
                const first = chars[found.start];
                const last = chars[found.end - 1];
                const opens = QUOTE_MARKS.includes(first) || QUOTE_MARKS.includes(before);
                const closes = QUOTE_MARKS.includes(last) || QUOTE_MARKS.includes(after);
                return opens && closes ? 'direct_quote' : 'paraphrase';
            }

            function statementText(found, mode) {
                const exact = found.exact;
                if (mode !== 'direct_quote') return exact;
                const marks = new RegExp(`^[${QUOTE_MARKS}\\s]+|[${QUOTE_MARKS}\\s]+$`, 'gu');
                return exact.replace(marks, '') || exact;
            }

            function openPanel(found) {
                field('quote_exact').value = found.exact;
                field('quote_prefix').value = found.prefix;
                field('quote_suffix').value = found.suffix;
                field('quote_start').value = found.start;
                field('quote_end').value = found.end;
                const mode = guessMode(found);
                field('mode').value = mode;
                field('statement_text').value = statementText(found, mode);
                for (const error of panel.querySelectorAll('.errorlist, .errornote')) error.remove();
                panel.hidden = false;
                button.hidden = true;
                showPending(found.range);
                window.getSelection().removeAllRanges();
                // Straight to the speaker's autocomplete box.
                if (window.django && django.jQuery && django.jQuery.fn.select2) {
                    django.jQuery(field('speaker')).select2('open');
                } else {
                    field('speaker').focus();
                }
            }

            function closePanel() {
                panel.hidden = true;
                clearPending();
            }

            // The floating button, just below the end of the selection.
            let selected = null;
            function offerButton() {
                selected = selectedPassage();
                if (!selected) {
                    button.hidden = true;
                    return;
                }
                const rects = selected.range.getClientRects();
                const last = rects[rects.length - 1] || selected.range.getBoundingClientRect();
                button.hidden = false;
                button.style.left = `${Math.max(8, last.right + window.scrollX - button.offsetWidth / 2)}px`;
                button.style.top = `${last.bottom + window.scrollY + 6}px`;
            }

            let timer = null;
            document.addEventListener('selectionchange', () => {
                window.clearTimeout(timer);
                timer = window.setTimeout(offerButton, 150);
            });
            // Pressing the button must not take the selection away.
            button.addEventListener('mousedown', (event) => event.preventDefault());
            button.addEventListener('click', () => {
                const found = selected || selectedPassage();
                if (found) openPanel(found);
            });

            document.getElementById('quote-cancel').addEventListener('click', closePanel);
            document.addEventListener('keydown', (event) => {
                if (event.key !== 'Escape') return;
                choices.hidden = true;
                // Escape in an autocomplete box closes the box alone.
                if (!panel.hidden && !event.target.closest('.select2-container')) closePanel();
            });

            // Words typed over the selection no longer stand where it did: they are anchored
            // by their text (and context) alone.
            for (const name of ['quote_exact', 'quote_prefix', 'quote_suffix']) {
                field(name).addEventListener('input', () => {
                    field('quote_start').value = '';
                    field('quote_end').value = '';
                    clearPending();
                });
            }

            // An existing statement or a new draft: only the chosen one's field is shown.
            function showStatementChoice() {
                const existing = form.querySelector('input[name=statement_choice][value=existing]').checked;
                form.querySelector('.field-statement').hidden = !existing;
                form.querySelector('.field-statement_text').hidden = existing;
            }
            for (const radio of form.querySelectorAll('input[name=statement_choice]')) {
                radio.addEventListener('change', showStatementChoice);
            }
            showStatementChoice();

            // Refused on saving: the panel is open again; show the passage it was about.
            if (!panel.hidden) {
                const start = Number(field('quote_start').value);
                const end = Number(field('quote_end').value);
                if (field('quote_start').value !== '' && end > start) {
                    const from = domPoint(start);
                    const to = domPoint(end);
                    if (from && to) {
                        const range = document.createRange();
                        range.setStart(...from);
                        range.setEnd(...to);
                        showPending(range);
                        from[0].parentElement.scrollIntoView({block: 'center'});
                    }
                }
            }
        }
    }
}

// The script is loaded in the page's head, before the text it works on.
if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', readingView);
} else {
    readingView();
}
