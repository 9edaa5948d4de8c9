package com.littlethreads.payment.order;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * Reads of orders. Status changes go through {@link Orders}, never through {@code save}.
 */
public interface OrderRepository extends MongoRepository<Order, String> {

	Page<Order> findByUserId(String userId, Pageable pageable);

	List<Order> findByStatusAndSessionExpiresAtBefore(OrderStatus status, Instant before);

	List<Order> findByStatusAndStockCommittedFalseAndNeedsAttentionFalse(OrderStatus status);

	java.util.Optional<Order> findFirstByPaymentIntentId(String paymentIntentId);

	java.util.Optional<Order> findFirstBySessionId(String sessionId);

}
