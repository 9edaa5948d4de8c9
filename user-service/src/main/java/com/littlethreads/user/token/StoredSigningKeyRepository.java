package com.littlethreads.user.token;

import org.springframework.data.mongodb.repository.MongoRepository;

interface StoredSigningKeyRepository extends MongoRepository<StoredSigningKey, String> {

}
