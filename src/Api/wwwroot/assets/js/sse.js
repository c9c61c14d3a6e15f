// Parses a text/event-stream as it arrives (https://html.spec.whatwg.org/#event-stream-interpretation):
// feed it chunks of text, it calls onEvent(type, data) per complete event and skips comments.

export class EventStreamParser {
  #buffer = '';
  #type = '';
  #data = [];

  constructor(onEvent) {
    this.onEvent = onEvent;
  }

  push(chunk) {
    this.#buffer += chunk;
    let end;
    while ((end = this.#buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.#buffer.slice(0, end);
      const newline = this.#buffer.startsWith('\r\n', end) ? 2 : 1;
      this.#buffer = this.#buffer.slice(end + newline);
      this.#line(line);
    }
  }

  #line(line) {
    if (line === '') {
      if (this.#data.length > 0) this.onEvent(this.#type || 'message', this.#data.join('\n'));
      this.#type = '';
      this.#data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#type = value;
    else if (field === 'data') this.#data.push(value);
  }
}
