package org.cbamledger.service.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.signer.Merkle;
import org.junit.jupiter.api.Test;

class GroupValidationTest {
    private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

    private static Submission submission(int n) {
        byte[] bytes = Integer.toString(n).getBytes(StandardCharsets.UTF_8);
        return new Submission(bytes, Merkle.leafHash(bytes), "k" + n, List.of(), null, null, null);
    }

    @Test
    void validate_ofAHundredEnvelopes_answersTheirSubmissionsInOrderFromEveryCore() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        List<Submission> submissions = GroupValidation.validate(HUNDRED, n -> {
            threads.add(Thread.currentThread());
            return submission(n);
        });

        assertEquals(HUNDRED.stream().map(n -> "k" + n).toList(), submissions.stream().map(Submission::kind).toList());
        assertEquals(Math.min(Runtime.getRuntime().availableProcessors(), 100 / GroupValidation.MIN_ENVELOPES_PER_THREAD),
                threads.size());
    }

    @Test
    void validate_withTwoFailingEnvelopes_failsWithTheFirstInOrder() {
        LedgerException e = assertThrows(LedgerException.class, () -> GroupValidation.validate(HUNDRED, n -> {
            if (n == 30 || n == 90) {
                throw new LedgerException(Problem.BAD_SIGNATURE, "envelope " + n);
            }
            return submission(n);
        }));
        assertEquals("envelope 30", e.getMessage());
    }

    @Test
    void validate_whenALaterRunMeetsTheDatabaseFailing_passesThatOn() {
        SQLException e = assertThrows(SQLException.class, () -> GroupValidation.validate(HUNDRED, n -> {
            if (n == 99) {
                throw new SQLException("connection lost");
            }
            return submission(n);
        }));
        assertEquals("connection lost", e.getMessage());
    }

    @Test
    void validate_ofAFewEnvelopes_checksThemOnTheCallersThread() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Integer> few = HUNDRED.subList(0, GroupValidation.MIN_ENVELOPES_PER_THREAD * 2 - 1);

        GroupValidation.validate(few, n -> {
            threads.add(Thread.currentThread());
            return submission(n);
        });

        assertEquals(Set.of(Thread.currentThread()), threads);
    }
}
