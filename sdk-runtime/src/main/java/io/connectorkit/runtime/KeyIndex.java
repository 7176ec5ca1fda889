package io.connectorkit.runtime;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The shape of a flat configuration map, computed once so that binding is linear in the number of keys: which
 * object paths have keys below them, and which list indices are present.
 */
final class KeyIndex {

    /** The largest list index bound; a larger one is a binding problem, never an allocation. */
    static final int MAX_LIST_INDEX = 100_000;

    private final Set<String> containers = new HashSet<>();
    private final Map<String, TreeSet<Integer>> listIndices = new HashMap<>();
    private final Map<String, String> tooLarge = new HashMap<>();

    KeyIndex(Set<String> keys) {
        for (String key : keys) {
            index(key);
        }
    }

    /** Whether some key lies below {@code path} ({@code path.x} or {@code path[i]}). */
    boolean hasKeysBelow(String path) {
        return containers.contains(path);
    }

    /** The indices {@code i} for which keys {@code path[i]…} exist, ascending; empty when none. */
    SortedSet<Integer> listIndices(String path) {
        TreeSet<Integer> indices = listIndices.get(path);
        return indices == null ? Collections.emptySortedSet() : indices;
    }

    /** The first index above {@link #MAX_LIST_INDEX} given for the list at {@code path}, as written; or null. */
    String indexTooLarge(String path) {
        return tooLarge.get(path);
    }

    private void index(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.') {
                containers.add(key.substring(0, i));
            } else if (c == '[') {
                String list = key.substring(0, i);
                containers.add(list);
                int close = key.indexOf(']', i);
                if (close > i + 1) {
                    parseIndex(key.substring(i + 1, close), list);
                }
            }
        }
    }

    private void parseIndex(String digits, String list) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return; // not an index (Unicode digits neither): the key stays unconsumed and is reported as unknown
            }
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 6 || Integer.parseInt(significant) > MAX_LIST_INDEX) {
            tooLarge.putIfAbsent(list, digits.length() > 40 ? digits.substring(0, 40) + "..." : digits);
            return;
        }
        listIndices.computeIfAbsent(list, k -> new TreeSet<>()).add(Integer.parseInt(significant));
    }
}
