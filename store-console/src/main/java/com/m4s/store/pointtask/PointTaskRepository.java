package com.m4s.store.pointtask;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PointTaskRepository extends JpaRepository<PointTask, UUID> {

    List<PointTask> findByTriggerAndStatus(PointTaskTrigger trigger, PointTaskStatus status);
}
