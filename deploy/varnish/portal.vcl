# Varnish 7.1 (Debian 12: `apt-get install varnish`) in front of gunicorn.
#
#   TLS proxy (nginx, …) ──> Varnish (default 127.0.0.1:8100) ──> gunicorn (127.0.0.1:8200)
#
# It caches only what every anonymous visitor sees alike: GET/HEAD without the portal's own
# cookies, outside the signed-in and form areas. Anything else goes straight to gunicorn.
# `make serve` (deploy/varnish/run) rewrites the backend's .host/.port below from
# GUNICORN_BIND; installed by hand (deploy/systemd/README.md), edit them if gunicorn is not on
# 127.0.0.1:8200. Set TRUSTED_PROXY_COUNT=1 (the TLS proxy): see vcl_recv on X-Forwarded-For.
vcl 4.1;

import cookie;
import std;

backend gunicorn {
    .host = "127.0.0.1";
    .port = "8200";
    .connect_timeout = 2s;
    # Above gunicorn's `timeout` (deploy/gunicorn.conf.py), so gunicorn reports the slow request.
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
}

# This machine: the TLS proxy, and Wagtail's frontend cache (wagtail.contrib.frontend_cache,
# HTTP backend pointed at this Varnish), the only ones allowed to PURGE and BAN.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Varnish has appended the TLS proxy's address (this machine) to X-Forwarded-For. Drop it
    # again: Django then sees the header as the proxy sent it, and TRUSTED_PROXY_COUNT=1 (the
    # TLS proxy) finds the visitor's address, as without Varnish.
    if (client.ip ~ purgers && req.http.X-Forwarded-For ~ ",") {
        set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, "\s*,[^,]*$", "");
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE not allowed from " + client.ip));
        }
        # Removes every variant (protocol, language) of this Host + URL.
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "BAN not allowed from " + client.ip));
        }
        # BAN /path drops every cached URL of this Host that matches the path as a regular
        # expression, e.g. `BAN /nyheter/` every news page (and any URL containing it).
        ban("obj.http.x-portal-host == " + req.http.host
            + " && obj.http.x-portal-url ~ " + req.url);
        return (synth(200, "Banned"));
    }

    # Only reading requests can be shared. POST, PUT, DELETE, … always reach Django.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }

    # Per person or per request: signed-in areas, sign-in, forms that apply or request,
    # previews, the health check (must reflect the backend now), language switch, documents
    # (their privacy settings are checked on every download). English lives under /en/.
    if (req.url ~ "^(/en)?/(admin|accounts|mina-sidor|medarbetare|handlaggning|forhandsvisning|health|i18n|documents)(/|\?|$)"
        || req.url ~ "^(/en)?/e-tjanster/.+/ansok/"
        || req.url ~ "^(/en)?/diarium/begar-ut/") {
        return (pass);
    }

    # Keep only the cookies Django and allauth read (session, CSRF, messages, the trusted
    # second-factor device, allauth's own); drop the rest (analytics, tracking, the language
    # cookie, which i18n_patterns overrides with the URL). Any cookie left means the page may
    # be personal: pass.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep_re("^(sessionid|csrftoken|messages|mfa_trusted|allauth.*|apple-login.*)$");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        } else {
            return (pass);
        }
    }

    # Django varies unprefixed pages on Accept-Language but i18n_patterns picks the language
    # from the URL: two variants at most instead of one per browser's header.
    if (req.http.Accept-Language ~ "^\s*en") {
        set req.http.Accept-Language = "en";
    } else {
        set req.http.Accept-Language = "sv";
    }

    return (hash);
}

sub vcl_backend_response {
    # For BAN: the URL and host on the object itself, so the ban lurker can test them.
    set beresp.http.x-portal-url = bereq.url;
    set beresp.http.x-portal-host = bereq.http.host;

    if (bereq.uncacheable) {
        return (deliver);
    }

    # A plain-HTTP request gets Django's redirect to HTTPS: keep it apart from the page itself
    # (a variant, not part of the hash, so a PURGE still removes both).
    if (beresp.http.Vary) {
        set beresp.http.Vary = beresp.http.Vary + ", X-Forwarded-Proto";
    } else {
        set beresp.http.Vary = "X-Forwarded-Proto";
    }

    # Never store a response that sets a cookie or that Django marked as personal; remember
    # the decision for 2 minutes (hit-for-miss) so such requests go straight to the backend.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }

    # Errors are not kept: the next request tries the backend again.
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }

    # beresp.ttl already honours s-maxage, then max-age, then Expires from the backend.
    # Without any of them it is varnishd's default_ttl: 120 s unless `-t` says otherwise.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.ttl = 120s;
    }
    # Grace: after the TTL, serve the stale copy for up to an hour while one request fetches
    # a fresh one in the background, so visitors do not wait for a slow page.
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Age is set by Varnish (seconds since the object was fetched): kept.
    unset resp.http.x-portal-url;
    unset resp.http.x-portal-host;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    return (deliver);
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}
