package com.coachway.sales.preferences;

/**
 * What the link in a marketing email opens. Following a link must not unsubscribe by itself (mail
 * scanners follow links), so the page asks for a click, which POSTs the link's token as JSON to
 * the same path. It reads the token from its own address and shows nothing of the account.
 */
final class UnsubscribePage {
    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>Unsubscribe - CoachWay</title></head>
            <body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
            <h1>Unsubscribe</h1>
            <p id="ask">Click below and this address receives no more marketing email from CoachWay.</p>
            <button id="go" type="button">Unsubscribe</button>
            <p id="said" role="status"></p>
            <script>
            const token = new URLSearchParams(location.search).get('token');
            const said = document.getElementById('said');
            const go = document.getElementById('go');
            if (!token) { go.disabled = true; said.textContent = 'This link has no token; use the link in the email.'; }
            go.addEventListener('click', async () => {
              go.disabled = true;
              try {
                const r = await fetch(location.pathname, {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({token})});
                said.textContent = r.ok ? 'Done: you will receive no more marketing email.'
                  : r.status === 404 ? 'This link is not valid.' : 'That did not work; please try again later.';
              } catch (e) {
                said.textContent = 'That did not work; please try again later.';
              }
              if (!document.getElementById('said').textContent.startsWith('Done')) go.disabled = false;
            });
            </script>
            </body>
            </html>
            """;

    private UnsubscribePage() {
    }
}
