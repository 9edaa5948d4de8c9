package com.littlethreads.platform.scheduling;

import java.lang.reflect.Method;

import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Reads every {@code @SchedulerLock} job's lock settings once at startup, so that a job
 * whose interval (its {@code lockAtLeastFor}) outgrows
 * {@code littlethreads.scheduling.lock-at-most-for} stops the service from starting with
 * a message that names both, instead of failing quietly at every tick.
 */
class LockedJobsCheck implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beans;

	private final ExtendedLockConfigurationExtractor locks;

	LockedJobsCheck(ConfigurableListableBeanFactory beans, ExtendedLockConfigurationExtractor locks) {
		this.beans = beans;
		this.locks = locks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String name : this.beans.getBeanDefinitionNames()) {
			if (!this.beans.getBeanDefinition(name).isSingleton() || this.beans.getBeanDefinition(name).isLazyInit()) {
				continue;
			}
			Class<?> type = this.beans.getType(name, false);
			if (type == null) {
				continue;
			}
			ReflectionUtils.doWithMethods(type, (method) -> check(name, method),
					(method) -> AnnotatedElementUtils.hasAnnotation(method, SchedulerLock.class));
		}
	}

	private void check(String beanName, Method method) {
		Object bean = this.beans.getBean(beanName);
		try {
			this.locks.getLockConfiguration(bean, AopUtils.getMostSpecificMethod(method, bean.getClass()),
					new Object[0]);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The scheduled job " + ClassUtils.getUserClass(bean).getSimpleName() + "."
					+ method.getName() + " cannot take its lock: " + ex.getMessage()
					+ " Its lockAtLeastFor is its interval; raise littlethreads.scheduling.lock-at-most-for"
					+ " (SCHEDULER_LOCK_AT_MOST_FOR) above it, or shorten the interval.", ex);
		}
	}

}
