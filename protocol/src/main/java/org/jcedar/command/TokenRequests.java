package org.jcedar.command;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jcedar.classad.ClassAd;
import org.jcedar.config.ConfigLiterals;
import org.jcedar.security.authz.AuthorizationLimits;

/**
 * The token-request workflow of a daemon (30 §5, as current HTCondor runs it): a client asks for a token for an
 * identity (DC_START_TOKEN_REQUEST), an administrator or the identity itself lists and approves the request
 * (DC_LIST_TOKEN_REQUEST, DC_APPROVE_TOKEN_REQUEST) or an auto-approval rule for the client's network does
 * (DC_AUTO_APPROVE_TOKEN_REQUEST), and the client polls for the token (DC_FINISH_TOKEN_REQUEST). Each method takes
 * the command's request ad and returns the reply ad(s) with HTCondor's attributes, error codes and words.
 *
 * <p>Held in memory, bounded as HTCondor bounds it: at most 1000 requests are taken, pending requests expire after
 * SEC_TOKEN_REQUEST_LIFETIME and are forgotten an hour later, auto-approval rules live at most
 * TOKEN_REQUEST_AUTO_APPROVE_MAX_LIFETIME, and polling is rate limited. Thread-safe: one lock, held only for these
 * short in-memory steps (token signing included), and only by token-request commands.
 */
public final class TokenRequests {
    /** HTCondor stops taking requests when it holds more than this many. */
    public static final int MAX_REQUESTS = 1000;
    /** Finished requests are forgotten this long after they expired. */
    private static final long FORGET_AFTER_SECONDS = 3600;
    /** Approving a request that came this long before the rule was installed is still fine. */
    private static final long RULE_GRACE_SECONDS = 60;
    /** A request without a lifetime counts as a year old at most for auto-approval. */
    private static final long UNLIMITED_REQUEST_SECONDS = 86400L * 365;

    /**
     * The knobs of 30 §2.6 and §5.
     *
     * @param enabled                SEC_ENABLE_TOKEN_REQUEST
     * @param requestLimits          SEC_TOKEN_REQUEST_LIMITS (empty: no limit)
     * @param issuedTokenExpiration  SEC_ISSUED_TOKEN_EXPIRATION, when positive
     * @param requestLifetimeSeconds SEC_TOKEN_REQUEST_LIFETIME
     * @param autoApproveMaxLifetime TOKEN_REQUEST_AUTO_APPROVE_MAX_LIFETIME
     * @param finishRateLimit        polls per second (10-second average) before polling is refused
     */
    public record Settings(boolean enabled, List<String> requestLimits, OptionalLong issuedTokenExpiration,
                           long requestLifetimeSeconds, long autoApproveMaxLifetime, double finishRateLimit) {
        public Settings {
            requestLimits = List.copyOf(requestLimits);
        }
    }

    /**
     * The peer of a request command: its session's identity, where it connects from, how it authenticated, whether
     * the connection is encrypted, its authorization limits and its token's expiry, and whether it is an
     * administrator (the session admits ADMINISTRATOR and ALLOW_ADMINISTRATOR lets it in).
     */
    public record Caller(String identity, String peerIp, Optional<String> method, boolean encrypted,
                         Optional<AuthorizationLimits> limits, Optional<Long> tokenExpiration, boolean administrator) {
    }

    private enum State { PENDING, SUCCESSFUL, FAILED, EXPIRED }

    private static final class Request {
        final String requester;
        final String requestedIdentity;
        final String peerLocation;
        final List<String> boundingSet;
        final String clientId;
        final String requestId;
        final long requestTime;
        long lifetime;
        State state = State.PENDING;
        String token;

        Request(String requester, String requestedIdentity, String peerLocation, List<String> boundingSet,
                long lifetime, String clientId, String requestId, long requestTime) {
            this.requester = requester;
            this.requestedIdentity = requestedIdentity;
            this.peerLocation = peerLocation;
            this.boundingSet = boundingSet;
            this.lifetime = lifetime;
            this.clientId = clientId;
            this.requestId = requestId;
            this.requestTime = requestTime;
        }

        boolean olderThan(long now, long seconds) {
            return requestTime + seconds < now;
        }
    }

    private record Rule(Netblock netblock, long issued, long expires) {
    }

    private final Settings settings;
    private final TokenGenerator generator;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<Integer, Request> requests = new TreeMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final RequestRateLimiter finishLimiter;

    public TokenRequests(Settings settings, TokenGenerator generator, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.generator = generator;
        this.clock = clock;
        this.random = random;
        this.finishLimiter = new RequestRateLimiter(settings.finishRateLimit());
    }

    /** The reply of every request command while SEC_ENABLE_TOKEN_REQUEST is false (the daemon then closes). */
    public Optional<ClassAd> disabledReply() {
        return settings.enabled() ? Optional.empty()
                : Optional.of(error("Token request disabled.", 44));
    }

    /** DC_START_TOKEN_REQUEST (30 §5.2). */
    public synchronized ClassAd start(ClassAd request, Caller caller) {
        long now = now();
        housekeeping(now);
        int code = 0;
        String message = "";
        Optional<String> clientId = request.getString("ClientId");
        if (clientId.isEmpty()) {
            code = 2;
            message = "No client ID provided.";
        }
        Optional<String> identity = request.getString("User");
        if (identity.isEmpty()) {
            code = 2;
            message = "No identity request.";
        }
        List<String> bounds = new ArrayList<>();
        TreeSet<String> limits = new TreeSet<>(settings.requestLimits());
        Optional<String> asked = request.getString("LimitAuthorization");
        if (asked.isPresent()) {
            for (String authz : ConfigLiterals.listItems(asked.get())) {
                if (limits.isEmpty() || limits.contains(authz)) {
                    bounds.add(authz);
                }
            }
            if (!limits.isEmpty() && bounds.isEmpty()) {
                code = 3;
                message = "All requested authorizations were eliminated by the SEC_TOKEN_REQUEST_LIMITS setting";
            }
        } else {
            bounds.addAll(limits);
        }
        long lifetime = requestedLifetime(request);
        if (settings.issuedTokenExpiration().isPresent()) {
            long cap = settings.issuedTokenExpiration().getAsLong();
            if (lifetime > cap || lifetime < 0) {
                lifetime = cap;
            }
        }
        if (code != 0) {
            return error(message, code);
        }
        if (requests.size() > MAX_REQUESTS) {
            // HTCondor sets code 3 "Too many requests in the system." here but puts nothing into the reply: the
            // client reports a malformed answer. We answer the same empty ad.
            return ClassAd.empty();
        }
        int id = Math.floorMod(random.nextInt(), 10_000_000);
        for (int attempt = 0; requests.containsKey(id) && attempt < 5; attempt++) {
            id = Math.floorMod(random.nextInt(), 10_000_000);
        }
        String requestId = String.format("%07d", id);
        if (requests.containsKey(id)) {
            return ClassAd.builder().set("ErrorString", "Unable to generate new request ID").set("ErrorCode", 4)
                    .set("RequestId", requestId).build();
        }
        Request stored = new Request(caller.identity(), identity.get(), caller.peerIp(), List.copyOf(bounds), lifetime,
                clientId.get(), requestId, now);
        requests.put(id, stored);
        ClassAd.Builder reply = ClassAd.builder().set("RequestId", requestId);
        Optional<String> key = generator.signingKey();
        if (key.isEmpty()) {
            TokenGenerator.Outcome missing = TokenGenerator.noSigningKey();
            return reply.set("ErrorString", missing.errorText()).set("ErrorCode", missing.errorCode()).build();
        }
        if (autoApprovable(stored, now)) {
            TokenGenerator.Outcome outcome = generator.generate(stored.requestedIdentity, key.get(),
                    stored.boundingSet, stored.lifetime);
            if (outcome.token().isEmpty()) {
                return reply.set("ErrorString", outcome.errorText()).set("ErrorCode", outcome.errorCode()).build();
            }
            requests.remove(id);
            return reply.set("Token", outcome.token().get()).build();
        }
        // Auto-approval is host-based trust; any other request must come encrypted and authenticated.
        if (!caller.encrypted()) {
            requests.remove(id);
            return error("Request to server was not encrypted.", 7);
        }
        if (caller.method().isEmpty() || caller.method().get().equalsIgnoreCase("ANONYMOUS")) {
            requests.remove(id);
            return error("Request to server was made using ANONYMOUS or no authentication.", 7);
        }
        return reply.build();
    }

    /** DC_FINISH_TOKEN_REQUEST (30 §5.3): the token once approved (once), else an empty Token or an error. */
    public synchronized ClassAd finish(ClassAd request) {
        long now = now();
        housekeeping(now);
        int code = 0;
        String message = "";
        String clientId = "";
        int id = -1;
        if (!finishLimiter.allow(now)) {
            code = 5;
            message = "Request rate limit hit.";
        } else {
            Optional<String> givenClient = request.getString("ClientId");
            if (givenClient.isEmpty()) {
                code = 2;
                message = "No client ID provided.";
            }
            clientId = givenClient.orElse("");
            Optional<String> givenId = request.getString("RequestId");
            if (givenId.isEmpty()) {
                code = 2;
                message = "No request ID provided.";
            } else {
                OptionalLong parsed = parseRequestId(givenId.get());
                if (parsed.isEmpty()) {
                    code = 2;
                    message = "Unable to convert request ID to integer.";
                } else {
                    id = (int) parsed.getAsLong();
                }
            }
        }
        // As in HTCondor, the look-up below decides the answer even after an error above (so a client past the
        // rate limit is told that its request is not known).
        String token = "";
        Request found = id >= 0 ? requests.get(id) : null;
        if (found == null) {
            code = 3;
            message = "Request ID is not known.";
        } else if (!found.clientId.equals(clientId)) {
            code = 3;
            message = "Client ID is incorrect.";
        } else {
            switch (found.state) {
                case SUCCESSFUL:
                    token = found.token;
                    requests.remove(id);
                    break;
                case FAILED:
                    code = 4;
                    message = "Request failed.";
                    requests.remove(id);
                    break;
                case EXPIRED:
                    code = 5;
                    message = "Request has expired.";
                    requests.remove(id);
                    break;
                default:
                    break;
            }
        }
        return code != 0 ? error(message, code) : ClassAd.builder().set("Token", token).build();
    }

    /**
     * DC_LIST_TOKEN_REQUEST (30 §5.4): one ad per pending request the caller may see (all for an administrator,
     * else those for its own identity), then the terminating ad with {@code Owner = 0}. Each is its own message.
     */
    public synchronized List<ClassAd> list(ClassAd request, Caller caller) {
        housekeeping(now());
        List<ClassAd> ads = new ArrayList<>();
        String filter = request.getString("RequestId").orElse("");
        int code = 0;
        if (!filter.isEmpty() && parseRequestId(filter).isEmpty()) {
            code = 2;
        }
        if (code == 0) {
            for (Request r : requests.values()) {
                if (r.state != State.PENDING || (!filter.isEmpty() && !filter.equals(r.requestId))
                        || (!caller.administrator() && !r.requestedIdentity.equals(caller.identity()))) {
                    continue;
                }
                ClassAd.Builder ad = ClassAd.builder().set("RequestId", r.requestId).set("ClientId", r.clientId)
                        .set("AuthenticatedIdentity", r.requester).set("RequestedIdentity", r.requestedIdentity)
                        .set("PeerLocation", r.peerLocation);
                if (!r.boundingSet.isEmpty()) {
                    ad.set("LimitAuthorization", String.join(",", r.boundingSet));
                }
                if (r.lifetime >= 0) {
                    ad.set("TokenLifetime", r.lifetime);
                }
                ads.add(ad.build());
            }
        }
        ClassAd.Builder last = ClassAd.builder().set("ErrorCode", code).set("Owner", 0);
        if (code != 0) {
            last.set("ErrorString", "Unable to convert request ID to integer.");
        }
        ads.add(last.build());
        return ads;
    }

    /** DC_APPROVE_TOKEN_REQUEST (30 §5.5): the token is made at once and waits for the client's next poll. */
    public synchronized ClassAd approve(ClassAd request, Caller caller) {
        long now = now();
        housekeeping(now);
        int code = 0;
        String message = "";
        int id = -1;
        Optional<String> requestId = request.getString("RequestId").filter(s -> !s.isEmpty());
        if (requestId.isEmpty()) {
            code = 1;
            message = "Request ID not provided.";
        } else {
            OptionalLong parsed = parseRequestId(requestId.get());
            if (parsed.isEmpty()) {
                code = 2;
                message = "Unable to convert request ID to integer.";
            } else {
                id = (int) parsed.getAsLong();
            }
        }
        Request found = requests.get(id);
        if (code == 0 && found == null) {
            code = 5;
            message = "Request unknown.";
        }
        Optional<String> clientId = request.getString("ClientId").filter(s -> !s.isEmpty());
        if (code == 0 && clientId.isEmpty()) {
            code = 1;
            message = "Client ID not provided.";
        }
        if (code == 0 && !found.clientId.equals(clientId.get())) {
            code = 5;
            message = "Request unknown.";
        }
        if (code == 0 && found.state != State.PENDING) {
            code = 5;
            message = "Request in incorrect state.";
        }
        if (code == 0 && !caller.administrator() && !found.requestedIdentity.equals(caller.identity())) {
            code = 6;
            message = "Insufficient privilege to approve request.";
        }
        if (code == 0 && !caller.administrator() && caller.limits().isPresent()
                && (found.boundingSet.isEmpty()
                    || !found.boundingSet.stream().allMatch(caller.limits().get()::containsName))) {
            code = 7;
            message = "Insufficient privilege to approve request (scope restricted).";
        }
        if (code == 0 && !caller.administrator()) {
            long expiry = caller.tokenExpiration().orElse(-1L);
            if ((found.lifetime == -1 && expiry >= 0)
                    || (found.lifetime >= 0 && expiry >= 0 && found.lifetime + now > expiry)) {
                code = 8;
                message = "Insufficient privilege to approve request (lifetime).";
            }
        }
        Optional<String> key = generator.signingKey();
        if (code == 0 && key.isEmpty()) {
            TokenGenerator.Outcome missing = TokenGenerator.noSigningKey();
            code = missing.errorCode();
            message = missing.errorText();
        }
        if (code != 0) {
            return error(message, code);
        }
        TokenGenerator.Outcome outcome = generator.generate(found.requestedIdentity, key.get(), found.boundingSet,
                found.lifetime);
        if (outcome.token().isEmpty()) {
            found.state = State.FAILED;
            return error(outcome.errorText(), outcome.errorCode());
        }
        succeed(found, outcome.token().get(), now);
        return ClassAd.builder().set("ErrorCode", 0).build();
    }

    /**
     * DC_AUTO_APPROVE_TOKEN_REQUEST (30 §5.6): installs a rule approving the daemons of a network block for a
     * while, and approves the pending requests it covers.
     */
    public synchronized ClassAd autoApprove(ClassAd request) {
        long now = now();
        housekeeping(now);
        String netblock = request.getString("Subnet").orElse("");
        long lifetime = Math.min(request.getInteger("Lifetime").orElse(-1L), settings.autoApproveMaxLifetime());
        int code = 0;
        String message = "";
        Optional<Netblock> block = Netblock.parse(netblock);
        if (lifetime <= 0) {
            code = -1;
            message = "DAEMON:-1:Auto-approval rule lifetimes must be greater than zero.";
        } else if (block.isEmpty()) {
            code = -2;
            message = "DAEMON:-2:Auto-approval rule netblock invalid.";
        } else {
            rules.add(new Rule(block.get(), now, lifetime > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + lifetime));
            Optional<String> key = generator.signingKey();
            if (key.isEmpty()) {
                TokenGenerator.Outcome missing = TokenGenerator.noSigningKey();
                code = missing.errorCode();
                message = missing.errorText();
            } else {
                for (Request r : requests.values()) {
                    if (!autoApprovable(r, now)) {
                        continue;
                    }
                    TokenGenerator.Outcome outcome = generator.generate(r.requestedIdentity, key.get(), r.boundingSet,
                            r.lifetime);
                    if (outcome.token().isEmpty()) {
                        r.state = State.FAILED;
                        code = outcome.errorCode();
                        message = outcome.errorText();
                        break;
                    }
                    succeed(r, outcome.token().get(), now);
                }
            }
        }
        ClassAd.Builder reply = ClassAd.builder().set("ErrorCode", code);
        if (code != 0) {
            reply.set("ErrorString", message);
        }
        return reply.build();
    }

    /** The number of requests held, in any state. */
    public synchronized int size() {
        return requests.size();
    }

    /**
     * {@code TokenLifetime} as HTCondor reads it into a C int (ClassAd::EvaluateAttrInt): an integer, cut to its
     * low 32 bits; anything else counts as absent (-1).
     */
    static long requestedLifetime(ClassAd request) {
        return request.getInteger("TokenLifetime").map(value -> (long) (int) value.longValue()).orElse(-1L);
    }

    /** The request ids as they are parsed (YourStringDeserializer: an optional sign, digits, nothing else). */
    private static OptionalLong parseRequestId(String text) {
        if (!text.matches("[+-]?\\d{1,10}")) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(text);
        return value == (int) value ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** TokenRequest::ShouldAutoApprove. */
    private boolean autoApprovable(Request r, long now) {
        if (!r.requestedIdentity.startsWith("condor@") || r.boundingSet.isEmpty() || r.state != State.PENDING) {
            return false;
        }
        for (String authz : r.boundingSet) {
            if (!authz.equals("ADVERTISE_SCHEDD") && !authz.equals("ADVERTISE_STARTD")
                    && !authz.equals("ADVERTISE_MASTER")) {
                return false;
            }
        }
        if (now > r.requestTime + (r.lifetime < 0 ? UNLIMITED_REQUEST_SECONDS : r.lifetime)) {
            return false;
        }
        for (Rule rule : rules) {
            if (rule.netblock().contains(r.peerLocation) && r.requestTime <= rule.expires()
                    && r.requestTime >= rule.issued() - RULE_GRACE_SECONDS) {
                return true;
            }
        }
        return false;
    }

    /** The token waits for the client's next poll; HTCondor then gives the record a minute to be picked up. */
    private static void succeed(Request r, String token, long now) {
        r.token = token;
        r.lifetime = now - r.requestTime + 60;
        r.state = State.SUCCESSFUL;
    }

    /** HTCondor's minute timer (cleanup_request_map), run before each command instead. */
    private void housekeeping(long now) {
        long lifetime = settings.requestLifetimeSeconds();
        for (Iterator<Request> it = requests.values().iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (r.olderThan(now, lifetime) && r.state == State.PENDING) {
                r.state = State.EXPIRED;
            }
            if (r.olderThan(now, lifetime + FORGET_AFTER_SECONDS)) {
                it.remove();
            }
        }
        rules.removeIf(rule -> rule.expires() < now);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static ClassAd error(String message, int code) {
        return ClassAd.builder().set("ErrorString", message).set("ErrorCode", code).build();
    }
}
