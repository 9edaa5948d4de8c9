package com.littlethreads.user.token;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface StoredSigningKeyRepository extends MongoRepository<StoredSigningKey, String> {

	List<StoredSigningKey> findAllByOrderByCreatedAtDesc();

}
