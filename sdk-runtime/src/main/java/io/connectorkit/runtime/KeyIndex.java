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

    private final Set<String> containers = new HashSet<>();
    private final Map<String, TreeSet<Integer>> listIndices = new HashMap<>();

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
            if (!Character.isDigit(digits.charAt(i))) {
                return; // not an index: the key stays unconsumed and is reported as unknown
            }
        }
        try {
            listIndices.computeIfAbsent(list, k -> new TreeSet<>()).add(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            // more digits than an int: reported as an unknown key
        }
    }
}
