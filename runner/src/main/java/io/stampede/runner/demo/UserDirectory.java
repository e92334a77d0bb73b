package io.stampede.runner.demo;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's users: {@code user1@example.com} to {@code user100@example.com} exist from the start; any other
 * {@code userN@example.com} (N up to {@value #MAX_ID}) is created when it first logs in, so a load test with any
 * number of virtual users can log in as {@code user${userId}@example.com}.
 * Threading: safe for concurrent use.
 */
final class UserDirectory {

    static final int SEEDED_USERS = 100;
    static final long MAX_ID = 999_999;

    private static final Pattern DEMO_EMAIL = Pattern.compile("user(\\d{1,6})@example\\.com");

    /** A user's public profile. */
    record Profile(long id, String email, String displayName) {

        JsonObject toJson() {
            return new JsonObject().put("id", id).put("email", email).put("displayName", displayName);
        }
    }

    /** One page of the directory, ordered by id. */
    record Page(int page, int limit, int total, List<Profile> users) {
    }

    private final ConcurrentNavigableMap<Long, Profile> profiles = new ConcurrentSkipListMap<>();

    UserDirectory() {
        for (long id = 1; id <= SEEDED_USERS; id++) {
            profiles.put(id, newProfile(id));
        }
    }

    /** The id in {@code userN@example.com}, or empty for any other address. */
    static OptionalLong idOfEmail(String email) {
        Matcher matcher = DEMO_EMAIL.matcher(email);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The profile of a user, created on first login. */
    Profile loginAs(long id) {
        return profiles.computeIfAbsent(id, UserDirectory::newProfile);
    }

    Optional<Profile> find(long id) {
        return Optional.ofNullable(profiles.get(id));
    }

    /** Sets the display name of an existing user; empty when there is no such user. */
    Optional<Profile> rename(long id, String displayName) {
        return Optional.ofNullable(profiles.computeIfPresent(id,
                (key, profile) -> new Profile(profile.id(), profile.email(), displayName)));
    }

    /**
     * @param page  1-based page number, >= 1
     * @param limit users per page, >= 1
     */
    Page page(int page, int limit) {
        long skip = (long) (page - 1) * limit;
        List<Profile> users = profiles.values().stream().skip(skip).limit(limit).toList();
        return new Page(page, limit, profiles.size(), users);
    }

    /** An immutable copy, for reports and tests. */
    Map<Long, Profile> snapshot() {
        return Map.copyOf(profiles);
    }

    private static Profile newProfile(long id) {
        return new Profile(id, "user" + id + "@example.com", "Demo User " + id);
    }
}
